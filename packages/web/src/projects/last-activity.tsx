import { Group, Text } from '@mantine/core';
import { describeEvent } from '@weft/core';
import { endpoints } from '../api/endpoints';
import { useResource } from '../api/use-resource';
import { RelativeTime } from '../ui/relative-time';

/** The project's latest event, as one line: "Ana renamed the project … · 5 minutes ago". */
export function LastActivity({ projectId, lastSeq }: { projectId: string; lastSeq: number }) {
  const { data } = useResource(lastSeq > 0 ? `${projectId}:${lastSeq}` : null, () =>
    endpoints.events(projectId, lastSeq - 1, 1),
  );
  const event = data?.events[data.events.length - 1];
  if (!event)
    return (
      <Text fz="xs" c="dimmed">
        {lastSeq > 0 ? ' ' : 'No activity yet'}
      </Text>
    );
  return (
    <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
      <Text fz="xs" c="dimmed" truncate="end" style={{ minWidth: 0 }}>
        {describeEvent(event)}
      </Text>
      <Text fz="xs" c="dimmed" aria-hidden="true">
        ·
      </Text>
      <RelativeTime iso={event.at} />
    </Group>
  );
}
