import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconFileUpload } from '@tabler/icons-react';
import { useRef, useState } from 'react';

const ACCEPT = '.ris,.txt,.nbib,.xml,.bib,.csv,.tsv,.tab,.xlsx';

/** Drop a file here or pick one: one file per import, as each import belongs to one search. */
export function FileDrop({ file, onFile }: { file: File | null; onFile: (file: File) => void }) {
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  return (
    <Paper
      withBorder
      radius="md"
      p="xl"
      data-testid="file-drop"
      style={{
        borderStyle: 'dashed',
        borderWidth: 2,
        background: over ? 'var(--mantine-color-blue-light)' : undefined,
      }}
      onDragOver={(event) => {
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(event) => {
        event.preventDefault();
        setOver(false);
        const dropped = event.dataTransfer.files[0];
        if (dropped) onFile(dropped);
      }}
    >
      <Stack align="center" gap="xs" ta="center">
        <IconFileUpload size={36} stroke={1.4} color="var(--mantine-color-dimmed)" />
        {file ? (
          <Text fw={600} data-testid="chosen-file">
            {file.name} · {formatBytes(file.size)}
          </Text>
        ) : (
          <Text fw={600}>Drop a search export here</Text>
        )}
        <Text fz="sm" c="dimmed" maw={420}>
          RIS, PubMed/MEDLINE (.nbib), PubMed XML, EndNote XML, BibTeX, CSV/TSV/XLSX or Web of Science
          tab-delimited. The format is detected from the content.
        </Text>
        <Group>
          <Button variant="light" onClick={() => input.current?.click()}>
            {file ? 'Choose another file' : 'Choose a file'}
          </Button>
        </Group>
        <input
          ref={input}
          type="file"
          accept={ACCEPT}
          aria-label="Search export file"
          hidden
          onChange={(event) => {
            const picked = event.currentTarget.files?.[0];
            if (picked) onFile(picked);
            event.currentTarget.value = '';
          }}
        />
      </Stack>
    </Paper>
  );
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
