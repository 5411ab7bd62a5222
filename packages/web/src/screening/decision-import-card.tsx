import { Alert, Button, Card, FileInput, Group, List, Select, Stack, Text, Title } from '@mantine/core';
import { IconFileImport } from '@tabler/icons-react';
import { roleAtLeast } from '@weft/core';
import {
  type CommandResults,
  DECISION_FILE_FORMATS,
  type DecisionFileFormat,
  type StageView,
} from '@weft/protocol';
import { useState } from 'react';
import { sendCommand } from '../api/commands';
import { identificationApi } from '../api/identification';
import { errorMessage } from '../api/problem';
import { useProject } from '../project/project-context';

const FORMAT_NAMES: Record<DecisionFileFormat, string> = {
  'asreview-csv': 'ASReview CSV',
  'rayyan-csv': 'Rayyan CSV',
  'covidence-csv': 'Covidence CSV',
  ris: 'RIS with labels',
};

type ImportReport = CommandResults['screening.import-decisions'];

/**
 * Decisions a team made in another tool (ASReview, Rayyan, Covidence), brought into this stage
 * and attributed to one reviewer; rows that match no record are listed, never guessed.
 */
export function DecisionImportCard({ stage }: { stage: StageView }) {
  const { projectId, members } = useProject();
  const [file, setFile] = useState<File | null>(null);
  const [reviewerId, setReviewerId] = useState<string | null>(null);
  const [format, setFormat] = useState<string | null>('detect');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const reviewers = (members ?? []).filter((m) => roleAtLeast(m.role, 'reviewer'));

  async function importFile() {
    if (!file || !reviewerId) return;
    setBusy(true);
    setError(null);
    setReport(null);
    try {
      const upload = await identificationApi.upload(projectId, file);
      const response = await sendCommand(
        'screening.import-decisions',
        {
          stageId: stage.id,
          uploadId: upload.uploadId,
          reviewerId,
          ...(format && format !== 'detect' ? { format: format as DecisionFileFormat } : {}),
        },
        projectId,
      );
      setReport(response.result);
      setFile(null);
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card withBorder radius="md" p="lg" data-testid="decision-import">
      <Title order={2} fz="h4" mb={4}>
        Import decisions
      </Title>
      <Text fz="sm" c="dimmed" mb="md">
        Moving from another tool? Bring its decisions for this stage, matched to records by id, DOI, PMID or
        title.
      </Text>
      <Stack gap="sm">
        <Group grow align="flex-end">
          <FileInput
            label="Decision file"
            placeholder="asreview.csv, rayyan.csv, covidence.csv, .ris"
            accept=".csv,.tsv,.txt,.ris"
            value={file}
            onChange={setFile}
            clearable
          />
          <Select
            label="Decisions made by"
            placeholder="Choose a reviewer"
            data={reviewers.map((m) => ({ value: m.userId, label: m.displayName }))}
            value={reviewerId}
            onChange={setReviewerId}
          />
          <Select
            label="File kind"
            data={[
              { value: 'detect', label: 'Detect from the file' },
              ...DECISION_FILE_FORMATS.map((f) => ({ value: f, label: FORMAT_NAMES[f] })),
            ]}
            value={format}
            onChange={setFormat}
            allowDeselect={false}
          />
        </Group>
        <Group>
          <Button
            leftSection={<IconFileImport size={16} />}
            disabled={!file || !reviewerId}
            loading={busy}
            onClick={() => void importFile()}
          >
            Import decisions
          </Button>
        </Group>
        {error && (
          <Alert color="red" title="Nothing was imported">
            {error}
          </Alert>
        )}
        {report && (
          <Alert
            color={report.unmatched.length > 0 ? 'yellow' : 'teal'}
            title="Decisions imported"
            data-testid="decision-import-report"
          >
            <Text fz="sm">
              {report.matched} of {report.rows} rows matched a record: {report.decisions.include} include,{' '}
              {report.decisions.exclude} exclude, {report.decisions.maybe} maybe, {report.decisions.undecided}{' '}
              undecided.
            </Text>
            {report.unmatched.length > 0 && (
              <>
                <Text fz="sm" mt="xs">
                  {report.unmatched.length === 1 ? '1 row was' : `${report.unmatched.length} rows were`} not
                  imported:
                </Text>
                <List size="sm" mt={4}>
                  {report.unmatched.slice(0, 20).map((u) => (
                    <List.Item key={`${u.row}-${u.reason}`}>
                      Row {u.row}
                      {u.title ? ` (“${u.title}”)` : ''}: {u.reason}
                    </List.Item>
                  ))}
                </List>
                {report.unmatched.length > 20 && (
                  <Text fz="xs" c="dimmed" mt={4}>
                    and {report.unmatched.length - 20} more
                  </Text>
                )}
              </>
            )}
          </Alert>
        )}
      </Stack>
    </Card>
  );
}
