import { Alert, Button, FileInput, Group, Menu, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconFileImport } from '@tabler/icons-react';
import { useState } from 'react';
import { sendCommand } from '../api/commands';
import { errorMessage } from '../api/problem';

const base = (projectId: string) => `/api/projects/${encodeURIComponent(projectId)}`;

/** Export the codebook as CSV or Markdown; import one (codes already there are kept). */
export function CodebookExchange({ projectId, editable }: { projectId: string; editable: boolean }) {
  const [importing, setImporting] = useState(false);
  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button size="xs" variant="default" leftSection={<IconDownload size={14} />}>
            Export
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item component="a" href={`${base(projectId)}/codebook.csv`} download>
            CSV (spreadsheet)
          </Menu.Item>
          <Menu.Item component="a" href={`${base(projectId)}/codebook.md`} download>
            Markdown (nested list)
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      {editable && (
        <Button
          size="xs"
          variant="default"
          leftSection={<IconFileImport size={14} />}
          onClick={() => setImporting(true)}
        >
          Import
        </Button>
      )}
      <ImportModal projectId={projectId} opened={importing} onClose={() => setImporting(false)} />
    </>
  );
}

function ImportModal({
  projectId,
  opened,
  onClose,
}: {
  projectId: string;
  opened: boolean;
  onClose: () => void;
}) {
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const close = () => {
    setFile(null);
    setError(null);
    onClose();
  };
  const run = async () => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const text = await file.text();
      const { result } = await sendCommand('codebook.import', { fileName: file.name, text }, projectId);
      notifications.show({
        color: 'teal',
        message: `${result.created} code${result.created === 1 ? '' : 's'} added from “${file.name}”${result.skipped > 0 ? `; ${result.skipped} already in the codebook were kept as they are` : ''}.`,
      });
      close();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal opened={opened} onClose={close} title="Import a codebook" size="lg">
      <Stack gap="md">
        <Text fz="sm">
          A <b>CSV</b> file with the columns{' '}
          <code>path,name,description,inclusion,exclusion,example,colour,shortcut</code> (path as “Parent &gt;
          Child”), or a <b>Markdown</b> nested list: one “- ” bullet per code, its guidance as indented
          “Description:”, “Use when:”, “Do not use when:”, “Example:”, “Colour:” and “Shortcut:” lines. Both
          are what Export writes. Codes already in the codebook under the same path are kept as they are.
        </Text>
        <FileInput
          label="Codebook file"
          placeholder="Choose a .csv or .md file"
          accept=".csv,.md,.markdown,.txt,text/csv,text/markdown,text/plain"
          value={file}
          onChange={(f) => {
            setFile(f);
            setError(null);
          }}
          clearable
        />
        {error && (
          <Alert color="red" variant="light" title="Nothing was imported">
            {error}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            Cancel
          </Button>
          <Button disabled={!file} loading={busy} onClick={() => void run()}>
            Import
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
