import { Card, Group, Loader, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import type { StageView } from '@weft/protocol';
import { useState } from 'react';
import { useParams } from 'react-router';
import { screeningApi } from '../api/screening';
import { useResource } from '../api/use-resource';
import { useProject } from '../project/project-context';
import { ConflictCard } from '../screening/conflict-card';
import { StageFrame } from '../screening/stage-frame';
import { useScreeningEvents } from '../screening/use-screening-events';
import { LoadError } from '../ui/load-error';

/** The stage's conflicts: both decisions side by side, resolved by consensus or a third reviewer. */
export function ScreeningConflictsPage() {
  const { stageKey = '' } = useParams();
  return (
    <StageFrame stageKey={stageKey} tab="conflicts">
      {(stage, stages) => <Conflicts key={stage.id} stage={stage} reloadStages={stages.resource.reload} />}
    </StageFrame>
  );
}

function Conflicts({ stage, reloadStages }: { stage: StageView; reloadStages: () => Promise<void> }) {
  const { projectId } = useProject();
  const conflicts = useResource(`${stage.id}|conflicts`, () => screeningApi.conflicts(projectId, stage.id));
  const [show, setShow] = useState<'open' | 'all'>('open');
  const { reload } = conflicts;
  useScreeningEvents(() => void reload());
  if (conflicts.error !== undefined && !conflicts.data)
    return <LoadError error={conflicts.error} what="the conflicts" onRetry={reload} />;
  if (!conflicts.data) return <Loader aria-label="Loading conflicts" />;
  const list = conflicts.data.conflicts.filter((c) => show === 'all' || c.resolution === null);
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Text fz="sm" c="dimmed" data-testid="conflicts-unresolved">
          {conflicts.data.unresolved === 0
            ? 'No open conflicts.'
            : `${conflicts.data.unresolved} open ${conflicts.data.unresolved === 1 ? 'conflict' : 'conflicts'}: two reviewers decided differently.`}
        </Text>
        <SegmentedControl
          size="xs"
          value={show}
          onChange={(v) => setShow(v as 'open' | 'all')}
          data={[
            { value: 'open', label: 'Open' },
            { value: 'all', label: 'All, with resolved' },
          ]}
        />
      </Group>
      {list.length === 0 ? (
        <Card withBorder radius="md" p="xl" data-testid="conflicts-empty">
          <Stack align="center" gap="xs" ta="center">
            <IconCircleCheck size={40} stroke={1.4} color="var(--mantine-color-teal-6)" />
            <Title order={2} fz="h4">
              No conflicts to resolve
            </Title>
            <Text c="dimmed" fz="sm" maw={480}>
              When two reviewers decide a record differently it appears here, with both decisions side by
              side.
            </Text>
          </Stack>
        </Card>
      ) : (
        list.map((conflict) => (
          <ConflictCard
            key={conflict.record.recordId}
            conflict={conflict}
            stage={stage}
            onResolved={() => {
              void reload();
              void reloadStages();
            }}
          />
        ))
      )}
    </Stack>
  );
}
