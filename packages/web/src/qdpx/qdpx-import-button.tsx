import { Alert, Button, FileInput, Group, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconFileImport } from '@tabler/icons-react';
import type { QdpxImportReport } from '@weft/protocol';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { errorMessage } from '../api/problem';
import { importQdpx } from './qdpx-api';
import { QdpxReport } from './qdpx-report';

/** "Import from NVivo / ATLAS.ti / MAXQDA": a REFI-QDA file into a new project, then its report. */
export function QdpxImportButton({ onImported }: { onImported?: () => void }) {
  const navigate = useNavigate();
  const [opened, { open, close }] = useDisclosure(false);
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState<{ projectId: string; report: QdpxImportReport } | null>(null);

  const reset = () => {
    setFile(null);
    setFailure(null);
    setDone(null);
    close();
  };

  const run = async () => {
    if (!file) return;
    setBusy(true);
    setFailure(null);
    try {
      setDone(await importQdpx(file));
      onImported?.();
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button variant="default" leftSection={<IconFileImport size={18} />} onClick={open}>
        Import from NVivo / ATLAS.ti / MAXQDA
      </Button>
      <Modal opened={opened} onClose={reset} title="Import a REFI-QDA project" size="xl" centered>
        {done ? (
          <Stack gap="md">
            <QdpxReport report={done.report} />
            <Group justify="flex-end">
              <Button variant="default" onClick={reset}>
                Close
              </Button>
              <Button onClick={() => navigate(`/projects/${done.projectId}`)}>Open the project</Button>
            </Group>
          </Stack>
        ) : (
          <Stack gap="md">
            <Text size="sm">
              A .qdpx project (or a bare .qde, or a .qdc codebook) exported from NVivo, ATLAS.ti, MAXQDA or
              any REFI-QDA program becomes a new project: codes, documents and codings, with a report of what
              came in.
            </Text>
            {failure && (
              <Alert color="red" variant="light" role="alert" title="The file was not imported">
                {failure}
              </Alert>
            )}
            <FileInput
              label="REFI-QDA file"
              placeholder="Choose a .qdpx, .qde or .qdc file"
              accept=".qdpx,.qde,.qdc"
              value={file}
              onChange={setFile}
              clearable
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={reset}>
                Cancel
              </Button>
              <Button onClick={run} loading={busy} disabled={!file}>
                Import
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </>
  );
}
