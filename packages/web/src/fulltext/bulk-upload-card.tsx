import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Progress,
  Select,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import type { AttachFilesResult, ReportFileCandidate, StageView } from '@weft/protocol';
import { useState } from 'react';
import { sendCommand } from '../api/commands';
import { errorMessage } from '../api/problem';
import { screeningApi } from '../api/screening';
import { useResource } from '../api/use-resource';
import { useProjectEvents } from '../live/use-project-events';
import { useProject } from '../project/project-context';
import { FullTextSearch } from './full-text-search';
import { fulltextApi, isFullTextEvent } from './fulltext-api';
import { PdfDrop } from './pdf-drop';

/** The most uploads one `report.attach-files` takes (its payload schema). */
const BATCH = 200;

const MATCH_LABEL = { doi: 'DOI', title: 'title', 'file-name': 'file name', manual: 'by hand' } as const;

/** A file waiting for a person to say which record it is the full text of. */
interface Waiting {
  uploadId: string;
  fileName: string;
  why: string;
  candidates: ReportFileCandidate[];
}

/**
 * The full-text stage's bulk upload: drop many PDFs; each is matched to its record by the DOI
 * on its first pages, its title, or its file name. Sure matches attach at once; the others are
 * listed here to be assigned by hand (from the candidates, or by searching the stage's records).
 */
export function BulkUploadCard({ stage }: { stage: StageView }) {
  const { projectId } = useProject();
  const all = useResource(`${projectId}|report-files`, () => fulltextApi.allFiles(projectId));
  const { reload } = all;
  useProjectEvents(() => void reload(), { relevant: isFullTextEvent, skipReplay: true, delayMs: 300 });
  const [progress, setProgress] = useState<{ done: number; of: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<AttachFilesResult | null>(null);
  const [waiting, setWaiting] = useState<Waiting[]>([]);

  const upload = async (files: File[]) => {
    setError(null);
    setResult(null);
    setProgress({ done: 0, of: files.length });
    const outcome: AttachFilesResult = { attached: [], ambiguous: [], unmatched: [], duplicates: [] };
    try {
      const uploadIds: string[] = [];
      for (const file of files) {
        uploadIds.push((await fulltextApi.upload(projectId, file)).uploadId);
        setProgress({ done: uploadIds.length, of: files.length });
      }
      // One command matches at most BATCH files; a larger drop is sent in batches, results merged.
      for (let i = 0; i < uploadIds.length; i += BATCH) {
        const { result } = await sendCommand(
          'report.attach-files',
          { uploadIds: uploadIds.slice(i, i + BATCH) },
          projectId,
        );
        outcome.attached.push(...result.attached);
        outcome.ambiguous.push(...result.ambiguous);
        outcome.unmatched.push(...result.unmatched);
        outcome.duplicates.push(...result.duplicates);
      }
    } catch (caught) {
      setError(errorMessage(caught));
    }
    // Batches before a failing one stay attached: show what they did either way.
    const placed = outcome.attached.length + outcome.ambiguous.length + outcome.unmatched.length;
    if (placed + outcome.duplicates.length > 0) setResult(outcome);
    setWaiting((list) => [
      ...list,
      ...outcome.ambiguous.map((a) => ({
        uploadId: a.uploadId,
        fileName: a.fileName,
        why: `several records fit its ${MATCH_LABEL[a.by]}`,
        candidates: a.candidates,
      })),
      ...outcome.unmatched.map((u) => ({ ...u, why: 'nothing in it named a record', candidates: [] })),
    ]);
    setProgress(null);
    await reload();
  };

  const withText = new Set((all.data?.files ?? []).map((f) => f.recordId)).size;
  return (
    <Card withBorder radius="md" p="lg" data-testid="full-text-bulk">
      <Group justify="space-between" align="flex-start" mb={4}>
        <Title order={2} fz="h4">
          Full texts
        </Title>
        <Badge variant="light" color="teal" data-testid="full-text-count">
          {withText.toLocaleString()} of {stage.progress.eligible.toLocaleString()} records have a PDF
        </Badge>
      </Group>
      <Text fz="sm" c="dimmed" mb="md">
        Drop the PDFs you retrieved. Each is matched to its record by the DOI on its first pages, its title,
        or a file name with the first author and year; the ones Weft cannot place surely wait below for you.
      </Text>
      <Stack gap="sm">
        <PdfDrop
          multiple
          busy={progress !== null}
          onFiles={(files) => void upload(files)}
          label="Drop PDFs here"
        />
        {progress && (
          <Stack gap={4}>
            <Text fz="xs" c="dimmed">
              {progress.done < progress.of
                ? `Uploading ${progress.done + 1} of ${progress.of}…`
                : 'Reading and matching the files…'}
            </Text>
            <Progress value={(progress.done / progress.of) * 100} size="sm" aria-label="Upload progress" />
          </Stack>
        )}
        {error && (
          <Alert
            color="red"
            title={result ? 'The upload stopped at this file' : 'Nothing was attached'}
            data-testid="full-text-bulk-error"
          >
            {error}
          </Alert>
        )}
        {result && (
          <Alert
            color={result.attached.length > 0 ? 'teal' : 'gray'}
            variant="light"
            data-testid="full-text-bulk-result"
          >
            <Text fz="sm" fw={600} mb={4}>
              {result.attached.length} attached · {result.ambiguous.length} ambiguous ·{' '}
              {result.unmatched.length} unmatched
              {result.duplicates.length > 0 ? ` · ${result.duplicates.length} already attached` : ''}
            </Text>
            {result.attached.length > 0 && (
              <Table fz="xs" verticalSpacing={2} data-testid="full-text-attached">
                <Table.Tbody>
                  {result.attached.map((a) => (
                    <Table.Tr key={a.fileId}>
                      <Table.Td>{a.fileName}</Table.Td>
                      <Table.Td c="dimmed">by {MATCH_LABEL[a.matchedBy]}</Table.Td>
                      <Table.Td>{a.recordTitle}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Alert>
        )}
        {withText > 0 && <FullTextSearch />}
        {waiting.map((item) => (
          <AssignRow
            key={item.uploadId}
            stage={stage}
            item={item}
            onDone={() => setWaiting((list) => list.filter((w) => w.uploadId !== item.uploadId))}
          />
        ))}
      </Stack>
    </Card>
  );
}

/** One unplaced file: pick its record from the candidates or by searching, then attach. */
function AssignRow({ stage, item, onDone }: { stage: StageView; item: Waiting; onDone: () => void }) {
  const { projectId } = useProject();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const [recordId, setRecordId] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const found = useResource(q.length >= 2 ? `${stage.id}|assign|${q}` : null, () =>
    screeningApi.records(projectId, stage.id, { q, limit: 20 }),
  );
  const label = (c: { title: string; year: number | null }) =>
    `${c.title || '(no title)'}${c.year ? ` (${c.year})` : ''}`;
  const options = new Map<string, string>();
  for (const c of item.candidates) options.set(c.recordId, label(c));
  for (const i of found.data?.items ?? []) options.set(i.record.recordId, label(i.record));

  const attach = async () => {
    if (!recordId) return;
    setBusy(true);
    setError(null);
    try {
      await sendCommand('report.attach-file', { recordId, uploadId: item.uploadId }, projectId);
      onDone();
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card withBorder radius="sm" p="sm" data-testid="full-text-unplaced">
      <Group justify="space-between" align="flex-end" wrap="nowrap" gap="sm">
        <Stack gap={2} style={{ minWidth: 180 }}>
          <Text fz="sm" fw={600} data-testid="full-text-unplaced-name">
            {item.fileName}
          </Text>
          <Text fz="xs" c="dimmed">
            Not attached: {item.why}
          </Text>
        </Stack>
        <Select
          aria-label={`Record for ${item.fileName}`}
          placeholder={item.candidates.length > 0 ? 'Choose the record…' : 'Search records by title…'}
          searchable
          searchValue={search}
          onSearchChange={setSearch}
          filter={({ options: shown }) => shown}
          nothingFoundMessage={q.length >= 2 ? 'No record matches' : 'Type two letters or more'}
          data={[...options].map(([value, text]) => ({ value, label: text }))}
          value={recordId}
          onChange={setRecordId}
          style={{ flex: 1 }}
        />
        <Button size="sm" disabled={!recordId} loading={busy} onClick={() => void attach()}>
          Attach
        </Button>
      </Group>
      {error && (
        <Text fz="xs" c="red" mt={4}>
          {error}
        </Text>
      )}
    </Card>
  );
}
