import {
  ActionIcon,
  Alert,
  Group,
  Loader,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  Tooltip,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconUnlink } from '@tabler/icons-react';
import { mayDo } from '@weft/core';
import { useState } from 'react';
import { sendCommand } from '../api/commands';
import { errorMessage } from '../api/problem';
import { useResource } from '../api/use-resource';
import { useProjectEvents } from '../live/use-project-events';
import { LazyPdfViewer } from '../pdf/lazy-pdf-viewer';
import { useProject } from '../project/project-context';
import { LoadError } from '../ui/load-error';
import { fulltextApi, isFullTextEvent } from './fulltext-api';
import { PdfDrop } from './pdf-drop';
import { StudyLinks } from './study-links';

const MATCHED_BY: Record<string, string> = {
  manual: 'attached by hand',
  doi: 'matched by DOI',
  title: 'matched by title',
  'file-name': 'matched by file name',
};

/**
 * The full text(s) of one record beside it at the full-text stage: the PDF in the in-app viewer
 * (a choice when several reports were attached), a drop to attach one, and detaching.
 */
export function FullTextPanel({
  recordId,
  stageId,
  height = '72vh',
}: {
  recordId: string;
  /** The stage on screen: its records are searched when linking reports of one study. */
  stageId?: string;
  height?: number | string;
}) {
  const { projectId, role } = useProject();
  const files = useResource(`${recordId}|full-texts`, () => fulltextApi.recordFiles(projectId, recordId));
  const { reload } = files;
  useProjectEvents(() => void reload(), {
    relevant: (type) => isFullTextEvent(type) || type.startsWith('report.study'),
    skipReplay: true,
  });
  const [chosen, setChosen] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const mayAttach = mayDo(role, 'report.attach-file');
  const list = files.data?.files ?? [];
  const file = list.find((f) => f.id === chosen) ?? list[list.length - 1];

  const attach = async ([pdf]: File[]) => {
    if (!pdf) return;
    setBusy(true);
    try {
      const upload = await fulltextApi.upload(projectId, pdf);
      const response = await sendCommand(
        'report.attach-file',
        { recordId, uploadId: upload.uploadId },
        projectId,
      );
      setChosen(response.result.fileId);
      notifications.show({
        color: 'teal',
        message: `${pdf.name} attached (${response.result.pageCount} pages)${response.result.retrievalSet ? '; the report is marked retrieved' : ''}.`,
      });
      await reload();
    } catch (error) {
      notifications.show({ color: 'red', title: 'Not attached', message: errorMessage(error) });
    } finally {
      setBusy(false);
    }
  };

  const detach = async (fileId: string, fileName: string) => {
    try {
      await sendCommand('report.detach-file', { fileId }, projectId);
      notifications.show({ color: 'gray', message: `${fileName} detached.` });
      setChosen(null);
      await reload();
    } catch (error) {
      notifications.show({ color: 'red', title: 'Not detached', message: errorMessage(error) });
    }
  };

  return (
    <Paper withBorder radius="md" p="md" data-testid="full-text-panel">
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Text fz="xs" fw={700} tt="uppercase" c="dimmed" style={{ letterSpacing: '0.06em' }}>
            Full text
          </Text>
          {file && (
            <Group gap={6} wrap="nowrap">
              <Tooltip label={`${MATCHED_BY[file.matchedBy] ?? file.matchedBy} by ${file.attachedByName}`}>
                <Text fz="xs" c="dimmed" truncate maw={360} data-testid="full-text-file">
                  {file.fileName} · {file.pageCount} {file.pageCount === 1 ? 'page' : 'pages'} ·{' '}
                  {MATCHED_BY[file.matchedBy] ?? file.matchedBy}
                </Text>
              </Tooltip>
              {mayAttach && (
                <Tooltip label="Detach this file (it stays in the log)">
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    size="sm"
                    aria-label={`Detach ${file.fileName}`}
                    onClick={() => void detach(file.id, file.fileName)}
                  >
                    <IconUnlink size={15} />
                  </ActionIcon>
                </Tooltip>
              )}
            </Group>
          )}
        </Group>
        {files.data?.study && stageId && (
          <StudyLinks
            recordId={recordId}
            stageId={stageId}
            study={files.data.study}
            editable={mayDo(role, 'report.link-study')}
            onChange={() => void reload()}
          />
        )}
        {files.error !== undefined && !files.data ? (
          <LoadError error={files.error} what="the full texts" onRetry={reload} />
        ) : !files.data ? (
          <Loader size="sm" aria-label="Loading the full texts" />
        ) : (
          <>
            {list.length > 1 && (
              <SegmentedControl
                size="xs"
                aria-label="Report"
                value={file?.id ?? ''}
                onChange={setChosen}
                data={list.map((f, i) => ({ value: f.id, label: `Report ${i + 1}: ${f.fileName}` }))}
              />
            )}
            {file ? (
              <LazyPdfViewer key={file.id} url={file.url} fileName={file.fileName} height={height} />
            ) : (
              <Alert color="gray" variant="light" data-testid="full-text-missing">
                No full text is attached to this record yet.
                {mayAttach ? ' Drop its PDF below, or upload many at once from the stage dashboard.' : ''}
              </Alert>
            )}
            {mayAttach && (
              <PdfDrop
                busy={busy}
                onFiles={(pdfs) => void attach(pdfs)}
                label={file ? 'Drop another report of this study (PDF)' : 'Drop the PDF of this record here'}
                testId="full-text-drop"
              />
            )}
          </>
        )}
      </Stack>
    </Paper>
  );
}
