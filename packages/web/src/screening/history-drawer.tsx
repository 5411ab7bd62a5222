import { Badge, Drawer, Group, Loader, Stack, Text, Timeline } from '@mantine/core';
import type { ReasonView, ScreeningRecordView, StageView } from '@weft/protocol';
import { screeningApi } from '../api/screening';
import { useResource } from '../api/use-resource';
import { useProject } from '../project/project-context';
import { LoadError } from '../ui/load-error';
import { RelativeTime } from '../ui/relative-time';
import { DecisionBadge } from './decision-badge';
import { RecordView } from './record-view';
import { DECISION_COLOR } from './stage-labels';

export function reasonLabels(reasons: ReasonView[], ids: string[]): string[] {
  return ids.map((id) => reasons.find((r) => r.id === id)?.label ?? 'a retired reason');
}

/** The decision history of one record at a stage (leads see everyone's; others their own). */
export function HistoryDrawer({
  stage,
  record,
  onClose,
}: {
  stage: StageView;
  record: ScreeningRecordView | null;
  onClose: () => void;
}) {
  const { projectId, members } = useProject();
  const key = record ? `${stage.id}|${record.recordId}|history` : null;
  const history = useResource(key, () => screeningApi.history(projectId, stage.id, record?.recordId ?? ''));
  const nameOf = (id: string) => members?.find((m) => m.userId === id)?.displayName ?? 'a former member';
  const entries = [
    ...(history.data?.decisions ?? []).map((d) => ({ kind: 'decision' as const, at: d.at, d })),
    ...(history.data?.resolutions ?? []).map((r) => ({ kind: 'resolution' as const, at: r.at, r })),
  ].sort((a, b) => a.at.localeCompare(b.at));
  return (
    <Drawer opened={record !== null} onClose={onClose} position="right" size="xl" title="Decision history">
      {record && (
        <Stack gap="lg">
          <RecordView
            record={record}
            includeKeywords={stage.includeKeywords}
            excludeKeywords={stage.excludeKeywords}
          />
          {history.error !== undefined ? (
            <LoadError error={history.error} what="the history" onRetry={history.reload} />
          ) : !history.data ? (
            <Loader aria-label="Loading history" />
          ) : entries.length === 0 ? (
            <Text c="dimmed" fz="sm">
              No decisions on this record at this stage yet.
            </Text>
          ) : (
            <Timeline active={entries.length} bulletSize={14} lineWidth={2} data-testid="decision-history">
              {entries.map((entry) =>
                entry.kind === 'decision' ? (
                  <Timeline.Item
                    key={entry.d.id}
                    color={DECISION_COLOR[entry.d.decision]}
                    title={
                      <Group gap="xs">
                        <Text fz="sm" fw={600}>
                          {entry.d.reviewerName}
                        </Text>
                        <DecisionBadge decision={entry.d.decision} size="sm" />
                        {entry.d.retracted && (
                          <Badge size="sm" variant="outline" color="gray">
                            taken back
                          </Badge>
                        )}
                        {entry.d.source === 'import' && (
                          <Badge size="sm" variant="outline" color="gray">
                            imported
                          </Badge>
                        )}
                      </Group>
                    }
                  >
                    {entry.d.reasonIds.length > 0 && (
                      <Text fz="sm">{reasonLabels(stage.reasons, entry.d.reasonIds).join('; ')}</Text>
                    )}
                    {entry.d.note && (
                      <Text fz="sm" c="dimmed">
                        {entry.d.note}
                      </Text>
                    )}
                    <RelativeTime iso={entry.d.at} />
                  </Timeline.Item>
                ) : (
                  <Timeline.Item
                    key={entry.r.id}
                    color="grape"
                    title={
                      <Group gap="xs">
                        <Text fz="sm" fw={600}>
                          {entry.r.method === 'consensus' ? 'Consensus' : 'Third reviewer'}:{' '}
                          {nameOf(entry.r.resolvedBy)}
                        </Text>
                        <DecisionBadge decision={entry.r.decision} size="sm" />
                      </Group>
                    }
                  >
                    {entry.r.participantIds.length > 0 && (
                      <Text fz="sm">With {entry.r.participantIds.map(nameOf).join(', ')}</Text>
                    )}
                    {entry.r.reasonIds.length > 0 && (
                      <Text fz="sm">{reasonLabels(stage.reasons, entry.r.reasonIds).join('; ')}</Text>
                    )}
                    {entry.r.note && (
                      <Text fz="sm" c="dimmed">
                        {entry.r.note}
                      </Text>
                    )}
                    <RelativeTime iso={entry.r.at} />
                  </Timeline.Item>
                ),
              )}
            </Timeline>
          )}
        </Stack>
      )}
    </Drawer>
  );
}
