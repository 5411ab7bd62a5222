import { Button, Group, Menu } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconChevronDown, IconDownload, IconFileText } from '@tabler/icons-react';
import { PRISMA_IMAGE_FORMATS, type PrismaImageFormat } from '@weft/protocol';
import { useState } from 'react';
import { errorMessage } from '../api/problem';
import { downloadFile } from './download-file';
import { reportingApi } from './reporting-api';

const TITLES: Record<PrismaImageFormat, string> = {
  svg: 'The diagram as SVG (vector, editable)',
  png: 'The diagram as PNG (image, 300 dpi)',
  pdf: 'The diagram as PDF (vector, fonts embedded)',
  csv: 'The numbers in the PRISMA2020 template (for the R package and Shiny app)',
};

/**
 * Plain links: the browser downloads with the session cookie, the server names the file. The PDF
 * is fetched instead, so a warning the server sends with it (characters the embedded font cannot
 * draw) reaches the user.
 */
export function PrismaExportButtons({ projectId }: { projectId: string }) {
  return (
    <Group gap={6}>
      {PRISMA_IMAGE_FORMATS.map((format) =>
        format === 'pdf' ? (
          <PdfButton key={format} projectId={projectId} />
        ) : (
          <Button
            key={format}
            component="a"
            href={reportingApi.prismaDownloadUrl(projectId, format)}
            download
            size="xs"
            variant="default"
            title={TITLES[format]}
            leftSection={<IconDownload size={14} />}
          >
            {format.toUpperCase()}
          </Button>
        ),
      )}
      <MethodsRecordMenu projectId={projectId} />
    </Group>
  );
}

function PdfButton({ projectId }: { projectId: string }) {
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      const { warning } = await downloadFile(reportingApi.prismaDownloadUrl(projectId, 'pdf'), 'prisma.pdf');
      if (warning)
        notifications.show({
          color: 'yellow',
          title: 'PDF saved with missing characters',
          message: warning,
          autoClose: false,
        });
    } catch (err) {
      notifications.show({ color: 'red', title: 'PDF not downloaded', message: errorMessage(err) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button
      size="xs"
      variant="default"
      title={TITLES.pdf}
      leftSection={<IconDownload size={14} />}
      loading={busy}
      onClick={download}
    >
      PDF
    </Button>
  );
}

/** The methods record is written from the same project facts as the diagram, so it sits beside it. */
function MethodsRecordMenu({ projectId }: { projectId: string }) {
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          size="xs"
          variant="default"
          leftSection={<IconFileText size={14} />}
          rightSection={<IconChevronDown size={12} />}
          title="The review's methods section (searches, deduplication, screening, agreement), written from the project"
        >
          Methods record
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item
          component="a"
          href={reportingApi.methodsDownloadUrl(projectId, 'md')}
          download
          leftSection={<IconDownload size={14} />}
        >
          Markdown (.md)
        </Menu.Item>
        <Menu.Item
          component="a"
          href={reportingApi.methodsDownloadUrl(projectId, 'docx')}
          download
          leftSection={<IconDownload size={14} />}
        >
          Word (.docx)
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
