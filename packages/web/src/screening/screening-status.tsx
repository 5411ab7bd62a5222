import { Badge, Group, Loader, Paper, Progress, Text, Tooltip } from '@mantine/core';
import type { ModelStatusView, StageProgressView } from '@weft/protocol';

function Figure({
  label,
  value,
  testId,
  color,
}: {
  label: string;
  value: number;
  testId: string;
  color?: string;
}) {
  return (
    <Group gap={6} wrap="nowrap">
      <Text fz="sm" fw={700} c={color} data-testid={testId}>
        {value.toLocaleString()}
      </Text>
      <Text fz="sm" c="dimmed">
        {label}
      </Text>
    </Group>
  );
}

const MODEL_STATE: Record<ModelStatusView['state'], { label: string; color: string }> = {
  'waiting-for-labels': { label: 'Waiting for labels', color: 'gray' },
  training: { label: 'Training', color: 'blue' },
  ready: { label: 'Ready', color: 'teal' },
  failed: { label: 'Failed', color: 'red' },
};

export function ModelStatus({
  model,
  order,
}: {
  model: ModelStatusView | undefined;
  order?: 'ranked' | 'random';
}) {
  if (!model) return null;
  const state = MODEL_STATE[model.state];
  const hint =
    model.state === 'waiting-for-labels'
      ? 'The model trains once the stage has at least one include and one exclude. Until then records come in a seeded random order.'
      : model.state === 'failed'
        ? (model.message ?? 'The last training failed; the previous order stays in use.')
        : order === 'random'
          ? 'Random order: the stopping sample is being screened.'
          : 'Records come most-likely-relevant first, ranked by this model.';
  return (
    <Tooltip label={hint} multiline w={300} withArrow>
      <Group gap={8} wrap="nowrap" data-testid="model-status" data-state={model.state}>
        <Text fz="sm" c="dimmed">
          Model
        </Text>
        <Badge
          variant="light"
          color={state.color}
          leftSection={model.state === 'training' ? <Loader size={10} color="blue" /> : undefined}
        >
          {state.label}
        </Badge>
        {model.version > 0 && (
          <Text fz="sm" c="dimmed" data-testid="model-version">
            v{model.version} · {model.includes} incl / {model.excludes} excl
          </Text>
        )}
        {model.state === 'failed' && model.message && (
          <Text fz="xs" c="red.7" maw={320} truncate="end" data-testid="model-message">
            {model.message}
          </Text>
        )}
        {order === 'random' && model.state === 'ready' && (
          <Badge variant="outline" color="orange" size="sm">
            random order
          </Badge>
        )}
      </Group>
    </Tooltip>
  );
}

/** Always-visible strip: my decisions, what remains, conflicts, and the model's state. */
export function ScreeningStatus({
  progress,
  model,
  order,
}: {
  progress: StageProgressView | undefined;
  model: ModelStatusView | undefined;
  order?: 'ranked' | 'random';
}) {
  const done = progress ? progress.eligible - progress.remaining : 0;
  const value = progress && progress.eligible > 0 ? (done / progress.eligible) * 100 : 0;
  return (
    <Paper withBorder radius="md" px="md" py="sm" data-testid="screening-status">
      <Group justify="space-between" gap="md">
        <Group gap="lg">
          <Figure label="my decisions" value={progress?.myDecisions ?? 0} testId="progress-mine" />
          <Figure label="in my queue" value={progress?.myQueue ?? 0} testId="progress-queue" />
          <Figure label="remaining" value={progress?.remaining ?? 0} testId="progress-remaining" />
          <Figure
            label={progress?.conflicts === 1 ? 'conflict' : 'conflicts'}
            value={progress?.conflicts ?? 0}
            testId="progress-conflicts"
            color={progress && progress.conflicts > 0 ? 'orange.7' : undefined}
          />
        </Group>
        <ModelStatus model={model} order={order} />
      </Group>
      <Tooltip
        label={
          progress
            ? `${done.toLocaleString()} of ${progress.eligible.toLocaleString()} records have every decision they need`
            : ''
        }
        withArrow
      >
        <Progress value={value} size="sm" mt="sm" color="teal" aria-label="Stage progress" />
      </Tooltip>
    </Paper>
  );
}
