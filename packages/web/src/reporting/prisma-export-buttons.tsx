import { Button, Group } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { PRISMA_IMAGE_FORMATS, type PrismaImageFormat } from '@weft/protocol';
import { reportingApi } from './reporting-api';

const TITLES: Record<PrismaImageFormat, string> = {
  svg: 'The diagram as SVG (vector, editable)',
  png: 'The diagram as PNG (image)',
  pdf: 'The diagram as PDF',
  csv: 'The numbers in the PRISMA2020 template (for the R package and Shiny app)',
};

/** Plain links: the browser downloads with the session cookie, the server names the file. */
export function PrismaExportButtons({ projectId }: { projectId: string }) {
  return (
    <Group gap={6}>
      {PRISMA_IMAGE_FORMATS.map((format) => (
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
      ))}
    </Group>
  );
}
