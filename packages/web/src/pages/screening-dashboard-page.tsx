import {
  Alert,
  Anchor,
  Button,
  Card,
  Group,
  Loader,
  Modal,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconDownload } from '@tabler/icons-react';
import { mayDo } from '@weft/core';
import type { StageView } from '@weft/protocol';
import { useState } from 'react';
import { useParams } from 'react-router';
import { sendCommand } from '../api/commands';
import { errorMessage } from '../api/problem';
import { screeningApi } from '../api/screening';
import { useResource } from '../api/use-resource';
import { BulkUploadCard } from '../fulltext/bulk-upload-card';
import { isFullTextStage } from '../fulltext/fulltext-api';
import { useProject } from '../project/project-context';
import { DecisionImportCard } from '../screening/decision-import-card';
import { StageFrame } from '../screening/stage-frame';
import { StoppingEvidence } from '../screening/stopping-evidence';
import { useScreeningEvents } from '../screening/use-screening-events';
import { LoadError } from '../ui/load-error';
import { RelativeTime } from '../ui/relative-time';

const FORMAT_LABEL = {
  'asreview-csv': 'ASReview CSV',
  'rayyan-csv': 'Rayyan CSV',
  'covidence-csv': 'Covidence CSV',
  ris: 'RIS',
} as const;

/** How far a stage has come, the evidence for stopping, and the lead's stage actions. */
export function ScreeningDashboardPage() {
  const { stageKey = '' } = useParams();
  return (
    <StageFrame stageKey={stageKey} tab="dashboard">
      {(stage, stages) => <Dashboard key={stage.id} stage={stage} reloadStages={stages.resource.reload} />}
    </StageFrame>
  );
}

function Dashboard({ stage, reloadStages }: { stage: StageView; reloadStages: () => Promise<void> }) {
  const { projectId, role, members } = useProject();
  const dashboard = useResource(`${stage.id}|dashboard`, () => screeningApi.dashboard(projectId, stage.id));
  const { reload } = dashboard;
  useScreeningEvents(() => void reload());
  const lead = mayDo(role, 'stage.close');
  const [busy, setBusy] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [stopping, setStopping] = useState(false);
  const [note, setNote] = useState('');
  const nameOf = (id: string) => members?.find((m) => m.userId === id)?.displayName ?? 'a former member';

  const run = async (label: string, send: () => Promise<unknown>, done: string) => {
    setBusy(label);
    setRefusal(null);
    try {
      await send();
      notifications.show({ color: 'teal', message: done });
      await Promise.all([reload(), reloadStages()]);
      return true;
    } catch (error) {
      setRefusal(errorMessage(error));
      return false;
    } finally {
      setBusy(null);
    }
  };

  if (dashboard.error !== undefined && !dashboard.data)
    return <LoadError error={dashboard.error} what="the stage dashboard" onRetry={reload} />;
  if (!dashboard.data) return <Loader aria-label="Loading dashboard" />;
  const { evidence, reviewers, stops } = dashboard.data;
  const p = stage.progress;

  return (
    <Stack gap="lg">
      {/* At full text, getting the PDFs in is the work of the day: first on the page. */}
      {isFullTextStage(stage) && mayDo(role, 'report.attach-files') && <BulkUploadCard stage={stage} />}
      <Card withBorder radius="md" p="lg">
        <Group justify="space-between" mb="md">
          <Title order={2} fz="h4">
            Knowing when to stop
          </Title>
          <Text fz="sm" c="dimmed">
            {p.decided.toLocaleString()} of {p.eligible.toLocaleString()} records decided · {p.included}{' '}
            included · {p.excluded} excluded · {p.maybe} maybe
          </Text>
        </Group>
        <StoppingEvidence evidence={evidence} />
        {lead && stage.status === 'open' && (
          <Group mt="md">
            <Button
              variant="default"
              loading={busy === 'sample'}
              onClick={() =>
                void run(
                  'sample',
                  () => sendCommand('stage.start-stopping-sample', { stageId: stage.id }, projectId),
                  'Stopping sample started: the queue now offers the remaining records in random order.',
                )
              }
            >
              Start stopping sample
            </Button>
            <Button color="orange" onClick={() => setStopping(true)}>
              Stop screening…
            </Button>
          </Group>
        )}
        <Text fz="xs" c="dimmed" mt="sm">
          Weft never excludes records by itself: stopping is the lead's decision, logged with this evidence
          and reported with the review.
        </Text>
      </Card>

      {refusal && (
        <Alert
          color="red"
          icon={<IconAlertTriangle size={18} />}
          title="Refused"
          withCloseButton
          onClose={() => setRefusal(null)}
          data-testid="stage-refusal"
        >
          {refusal}
        </Alert>
      )}

      <Card withBorder radius="md" p="lg">
        <Title order={2} fz="h4" mb="sm">
          Stage
        </Title>
        <Stack gap="sm">
          {lead ? (
            <Group>
              {stage.blinded && stage.mode !== 'single' && (
                <Button
                  variant="default"
                  loading={busy === 'unblind'}
                  onClick={() =>
                    void run(
                      'unblind',
                      () => sendCommand('stage.unblind', { stageId: stage.id }, projectId),
                      'Unblinded: reviewers now see each other’s decisions.',
                    )
                  }
                >
                  Unblind
                </Button>
              )}
              {stage.status === 'closed' ? (
                <Button
                  variant="default"
                  loading={busy === 'reopen'}
                  onClick={() =>
                    void run(
                      'reopen',
                      () =>
                        sendCommand(
                          'stage.reopen',
                          { stageId: stage.id, expectedVersion: stage.version },
                          projectId,
                        ),
                      'Stage reopened.',
                    )
                  }
                >
                  Reopen stage
                </Button>
              ) : (
                <Button
                  variant="default"
                  color="dark"
                  loading={busy === 'close'}
                  onClick={() =>
                    void run(
                      'close',
                      () =>
                        sendCommand(
                          'stage.close',
                          { stageId: stage.id, expectedVersion: stage.version },
                          projectId,
                        ),
                      'Stage closed: its final decisions pass to the next stage.',
                    )
                  }
                >
                  Close stage
                </Button>
              )}
            </Group>
          ) : (
            <Text fz="sm" c="dimmed">
              The lead unblinds, stops and closes the stage.
            </Text>
          )}
          <Group gap="md">
            <Text fz="sm" c="dimmed">
              Export decisions:
            </Text>
            {(['asreview-csv', 'rayyan-csv', 'covidence-csv', 'ris'] as const).map((format) => (
              <Anchor key={format} href={screeningApi.exportUrl(projectId, stage.id, format)} fz="sm">
                <IconDownload size={13} style={{ verticalAlign: -2 }} /> {FORMAT_LABEL[format]}
              </Anchor>
            ))}
          </Group>
        </Stack>
      </Card>

      {lead && stage.status !== 'closed' && <DecisionImportCard stage={stage} />}

      <Card withBorder radius="md" p="lg">
        <Title order={2} fz="h4" mb="sm">
          Reviewers
        </Title>
        <Table verticalSpacing={6} data-testid="dashboard-reviewers">
          <Table.Tbody>
            {reviewers.map((r) => (
              <Table.Tr key={r.reviewerId}>
                <Table.Td fz="sm">{r.name}</Table.Td>
                <Table.Td fz="sm" ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                  {r.decisions.toLocaleString()} decisions
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>

      {stops.length > 0 && (
        <Card withBorder radius="md" p="lg">
          <Title order={2} fz="h4" mb="sm">
            Stopping decisions
          </Title>
          <Stack gap="sm">
            {stops.map((stop) => (
              <Group key={stop.at} gap="sm" align="baseline">
                <RelativeTime iso={stop.at} />
                <Text fz="sm">
                  {nameOf(stop.by)} stopped after {stop.evidence.screened.toLocaleString()} screened,{' '}
                  {stop.evidence.includes} includes
                  {stop.evidence.stoppingTest ? `, p = ${stop.evidence.stoppingTest.pValue.toFixed(3)}` : ''}
                  {stop.note ? ` — “${stop.note}”` : ''}
                </Text>
              </Group>
            ))}
          </Stack>
        </Card>
      )}

      <Modal
        opened={stopping}
        onClose={() => setStopping(false)}
        title="Stop screening this stage?"
        size="lg"
      >
        <Stack gap="md">
          <Text fz="sm">
            Records not yet screened stay undecided; the stage can then be closed. This is recorded with the
            evidence below and appears in the report.
          </Text>
          <StoppingEvidence evidence={evidence} />
          <Textarea
            label="Why stop now"
            placeholder="e.g. stopping test rejected recall < 95% after a random sample of 400"
            autosize
            minRows={2}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setStopping(false)}>
              Keep screening
            </Button>
            <Button
              color="orange"
              loading={busy === 'stop'}
              onClick={() =>
                void run(
                  'stop',
                  () => sendCommand('stage.stop', { stageId: stage.id, note }, projectId),
                  'Screening stopped; the decision and its evidence are logged.',
                ).then((ok) => ok && setStopping(false))
              }
            >
              Stop screening
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
