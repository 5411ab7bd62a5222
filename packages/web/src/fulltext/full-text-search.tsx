import { Modal, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import type { ReportFileView } from '@weft/protocol';
import { useState } from 'react';
import { useResource } from '../api/use-resource';
import { LazyPdfViewer } from '../pdf/lazy-pdf-viewer';
import { useProject } from '../project/project-context';
import { fulltextApi } from './fulltext-api';

/** Words searched inside every attached PDF; a hit opens the file in the viewer. */
export function FullTextSearch() {
  const { projectId } = useProject();
  const [text, setText] = useState('');
  const [q] = useDebouncedValue(text.trim(), 300);
  const [open, setOpen] = useState<ReportFileView | null>(null);
  const found = useResource(q.length >= 3 ? `${projectId}|full-text-search|${q}` : null, () =>
    fulltextApi.search(projectId, q),
  );
  const hits = q.length >= 3 ? (found.data?.files ?? []) : [];
  return (
    <Stack gap={6}>
      <TextInput
        aria-label="Search inside the full texts"
        placeholder="Search inside the PDFs (three letters or more)…"
        leftSection={<IconSearch size={16} />}
        value={text}
        onChange={(event) => setText(event.currentTarget.value)}
      />
      {q.length >= 3 && found.data && (
        <Text fz="xs" c="dimmed" data-testid="full-text-search-count">
          {hits.length === 0
            ? 'No full text contains these words.'
            : `${hits.length === 100 ? 'The first 100' : hits.length} ${hits.length === 1 ? 'full text contains' : 'full texts contain'} “${q}”`}
        </Text>
      )}
      {hits.length > 0 && (
        <Table fz="xs" verticalSpacing={4} highlightOnHover data-testid="full-text-search-hits">
          <Table.Tbody>
            {hits.map((file) => (
              <Table.Tr key={file.id} style={{ cursor: 'pointer' }} onClick={() => setOpen(file)}>
                <Table.Td>{file.fileName}</Table.Td>
                <Table.Td>{file.recordTitle}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Modal
        opened={open !== null}
        onClose={() => setOpen(null)}
        size="xl"
        title={open?.recordTitle || open?.fileName}
      >
        {open && <LazyPdfViewer url={open.url} fileName={open.fileName} height="70vh" />}
      </Modal>
    </Stack>
  );
}
