import {
  Badge,
  Button,
  Card,
  Center,
  Group,
  Loader,
  Progress,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowRight, IconFilter } from '@tabler/icons-react';
import { mayDo } from '@weft/core';
import type { StageView } from '@weft/protocol';
import { useState } from 'react';
import { Link } from 'react-router';
import { sendCommand } from '../api/commands';
import { errorMessage } from '../api/problem';
import { useProject } from '../project/project-context';
import { ProjectGate } from '../project/project-gate';
import { modeLabel, stagePath } from '../screening/stage-labels';
import { useStages } from '../screening/use-stages';
import { LoadError } from '../ui/load-error';
import { PageHeader } from '../ui/page-header';

/** The project's screening stages, or the offer to set them up. */
export function ScreeningPage() {
  const { projectId, role } = useProject();
  const { resource, stages } = useStages();
  const [busy, setBusy] = useState(false);
  const mayLead = mayDo(role, 'screening.set-up');

  const setUp = async () => {
    setBusy(true);
    try {
      await sendCommand('screening.set-up', {}, projectId);
      notifications.show({ color: 'teal', message: 'Screening is set up: title/abstract, then full text.' });
      await resource.reload();
    } catch (error) {
      notifications.show({ color: 'red', title: 'Not set up', message: errorMessage(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <ProjectGate>
      {() => (
        <>
          <PageHeader
            title="Screening"
            description="Records remaining after deduplication are screened stage by stage: titles and abstracts first, then full texts. Each stage has its own criteria, reasons and reviewers."
          />
          {resource.error !== undefined && !resource.data ? (
            <LoadError error={resource.error} what="the screening stages" onRetry={resource.reload} />
          ) : !stages ? (
            <Center py="xl">
              <Loader aria-label="Loading screening" />
            </Center>
          ) : stages.length === 0 ? (
            <Card withBorder radius="md" p="xl" data-testid="screening-empty">
              <Stack align="center" gap="xs" ta="center">
                <IconFilter size={40} stroke={1.4} color="var(--mantine-color-weft-7)" />
                <Title order={2} fz="h4">
                  Screening is not set up yet
                </Title>
                <Text c="dimmed" fz="sm" maw={520}>
                  Setting up creates two stages: title and abstract (exclusion reasons optional), then full
                  text (a reason for every exclusion, with common reasons ready). Criteria, reviewers and dual
                  screening are set per stage afterwards.
                </Text>
                {mayLead ? (
                  <Button loading={busy} onClick={() => void setUp()} mt="xs">
                    Set up screening
                  </Button>
                ) : (
                  <Text fz="sm" c="dimmed">
                    A lead of this project sets up screening.
                  </Text>
                )}
              </Stack>
            </Card>
          ) : (
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
              {stages.map((stage) => (
                <StageCard key={stage.id} projectId={projectId} stage={stage} />
              ))}
            </SimpleGrid>
          )}
        </>
      )}
    </ProjectGate>
  );
}

function StageCard({ projectId, stage }: { projectId: string; stage: StageView }) {
  const p = stage.progress;
  const value = p.eligible > 0 ? ((p.eligible - p.remaining) / p.eligible) * 100 : 0;
  return (
    <Card withBorder radius="md" p="lg" data-testid={`stage-card-${stage.key}`}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <Stack gap={2}>
            <Text fz="xs" c="dimmed" fw={700} tt="uppercase">
              Stage {stage.position}
            </Text>
            <Title order={2} fz="h4">
              {stage.name}
            </Title>
          </Stack>
          <Group gap={6}>
            <Badge variant="light" color="gray">
              {modeLabel(stage)}
            </Badge>
            {stage.status !== 'open' && <Badge color="gray">{stage.status}</Badge>}
          </Group>
        </Group>
        <Progress value={value} color="teal" size="sm" aria-label={`${stage.name} progress`} />
        <Group gap="lg">
          <Text fz="sm">
            <b>{p.eligible.toLocaleString()}</b>{' '}
            <Text span c="dimmed" fz="sm">
              eligible
            </Text>
          </Text>
          <Text fz="sm">
            <b>{p.included.toLocaleString()}</b>{' '}
            <Text span c="dimmed" fz="sm">
              included
            </Text>
          </Text>
          <Text fz="sm">
            <b>{p.excluded.toLocaleString()}</b>{' '}
            <Text span c="dimmed" fz="sm">
              excluded
            </Text>
          </Text>
          <Text fz="sm">
            <b>{p.remaining.toLocaleString()}</b>{' '}
            <Text span c="dimmed" fz="sm">
              remaining
            </Text>
          </Text>
          {p.conflicts > 0 && (
            <Text fz="sm" c="orange.8">
              <b>{p.conflicts}</b> {p.conflicts === 1 ? 'conflict' : 'conflicts'}
            </Text>
          )}
        </Group>
        <Group justify="space-between">
          <Text fz="sm" c="dimmed">
            {p.myQueue.toLocaleString()} in your queue
          </Text>
          <Group gap="xs">
            <Button
              component={Link}
              to={stagePath(projectId, stage.key, 'dashboard')}
              variant="default"
              size="xs"
            >
              Dashboard
            </Button>
            <Button
              component={Link}
              to={stagePath(projectId, stage.key)}
              size="xs"
              rightSection={<IconArrowRight size={14} />}
            >
              Screen
            </Button>
          </Group>
        </Group>
      </Stack>
    </Card>
  );
}
