import { Alert, Button, FileButton, Group, List, Modal, Stack, Table, Text } from '@mantine/core';
import { IconAlertTriangle, IconUpload } from '@tabler/icons-react';
import type { ClassificationImportCheck } from '@weft/protocol';
import { useEffect, useState } from 'react';
import { sendCommand } from '../api/commands';
import { errorMessage } from '../api/problem';
import { casesApi } from './cases-api';

/**
 * CSV import of a classification sheet: the file is checked first (what would be added and
 * changed, and every bad cell by line and column), and imported only when it is clean.
 */
export function ImportSheetModal({
  projectId,
  classification,
  label,
  opened,
  onClose,
  onDone,
}: {
  projectId: string;
  classification: string;
  label: string;
  opened: boolean;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [check, setCheck] = useState<ClassificationImportCheck | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!opened) {
      setFile(null);
      setCheck(null);
      setError(null);
    }
  }, [opened]);

  const pick = async (picked: File | null) => {
    if (!picked) return;
    setError(null);
    setCheck(null);
    setBusy(true);
    try {
      const text = await picked.text();
      setFile({ name: picked.name, text });
      setCheck(await casesApi.importCheck(projectId, { classification, fileName: picked.name, text }));
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const run = async () => {
    if (!file) return;
    setBusy(true);
    try {
      const { result } = await sendCommand(
        'classification.import',
        { classification, fileName: file.name, text: file.text },
        projectId,
      );
      onDone(
        `Imported ${file.name}: ${result.created} new case(s), ${result.updated} updated, ${result.values} value(s).`,
      );
      onClose();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const clean = check !== null && check.problems.length === 0;
  return (
    <Modal opened={opened} onClose={onClose} title={`Import ${label} sheet`} size="lg">
      <Stack>
        <Text fz="sm" c="dimmed">
          A CSV file with the case name in the first column, an optional “Description” column, and one column
          per attribute (as the export writes it). Rows match cases by name; new columns become text
          attributes; an empty cell clears the value.
        </Text>
        <Group>
          <FileButton onChange={(f) => void pick(f)} accept=".csv,.tsv,text/csv,text/tab-separated-values">
            {(props) => (
              <Button
                {...props}
                variant="default"
                leftSection={<IconUpload size={16} />}
                loading={busy && !check}
              >
                Choose CSV file…
              </Button>
            )}
          </FileButton>
          {file && <Text fz="sm">{file.name}</Text>}
        </Group>
        {check && clean && (
          <Alert color="teal" variant="light" data-testid="import-preview">
            {check.rows} row(s): {check.newCases.length} new case(s), {check.updatedCases} updated,{' '}
            {check.values} value(s)
            {check.newAttributes.length > 0 && `; new text attribute(s): ${check.newAttributes.join(', ')}`}.
          </Alert>
        )}
        {check && !clean && (
          <Alert
            color="red"
            variant="light"
            icon={<IconAlertTriangle size={18} />}
            title="Nothing will be imported until these are fixed"
          >
            <Table fz="sm" data-testid="import-problems">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Line</Table.Th>
                  <Table.Th>Column</Table.Th>
                  <Table.Th>Problem</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {check.problems.map((p) => (
                  <Table.Tr key={`${p.line}-${p.column}-${p.message}`}>
                    <Table.Td>{p.line}</Table.Td>
                    <Table.Td>{p.column ?? '—'}</Table.Td>
                    <Table.Td>{p.message}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Alert>
        )}
        {check && clean && check.newCases.length > 0 && (
          <List size="sm" c="dimmed">
            {check.newCases.slice(0, 8).map((n) => (
              <List.Item key={n}>{n}</List.Item>
            ))}
            {check.newCases.length > 8 && <List.Item>and {check.newCases.length - 8} more</List.Item>}
          </List>
        )}
        {error && (
          <Text c="red" fz="sm" role="alert">
            {error}
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button onClick={() => void run()} disabled={!clean} loading={busy && clean}>
            Import
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
