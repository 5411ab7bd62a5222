import { Avatar, Box, Card, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { describeEvent, type ProjectEvent } from '@weft/core';
import type { LiveStatus } from '../live/use-live-events';
import { initials } from '../ui/initials';
import { RelativeTime } from '../ui/relative-time';

function FeedItem({ event }: { event: ProjectEvent }) {
  return (
    <Group gap="sm" wrap="nowrap" align="flex-start" py={10}>
      <Avatar size={32} radius="xl" color="weft" variant="light" aria-hidden="true">
        {initials(event.actorName)}
      </Avatar>
      <Box style={{ flex: 1, minWidth: 0 }}>
        <Text fz="sm" lh={1.45} style={{ overflowWrap: 'anywhere' }}>
          {describeEvent(event)}
        </Text>
        <RelativeTime iso={event.at} />
      </Box>
    </Group>
  );
}

/** The project's event log, newest first, updated live. */
export function ActivityFeed({ events, status }: { events: ProjectEvent[]; status: LiveStatus }) {
  const newestFirst = [...events].reverse();
  return (
    <Card withBorder radius="md" padding="lg">
      <Group justify="space-between" mb="xs">
        <Title order={2} fz="lg">
          Activity
        </Title>
        <Text fz="xs" c="dimmed">
          {status === 'live'
            ? 'Updates as your team works'
            : status === 'reconnecting'
              ? 'Reconnecting…'
              : ''}
        </Text>
      </Group>
      {events.length === 0 && status !== 'live' ? (
        <Stack gap="md" py="xs" aria-busy="true" aria-label="Loading activity">
          {[0, 1, 2].map((i) => (
            <Group key={i} gap="sm" wrap="nowrap">
              <Skeleton circle height={32} />
              <Stack gap={6} style={{ flex: 1 }}>
                <Skeleton height={10} width="70%" />
                <Skeleton height={8} width="20%" />
              </Stack>
            </Group>
          ))}
        </Stack>
      ) : events.length === 0 ? (
        <Text c="dimmed" fz="sm" py="md">
          Nothing has happened in this project yet. Every change your team makes will be listed here, with who
          made it and when.
        </Text>
      ) : (
        <Box
          component="ol"
          aria-label="Project activity, newest first"
          aria-live="polite"
          data-testid="activity-feed"
          m={0}
          p={0}
          style={{ listStyle: 'none' }}
        >
          {newestFirst.map((event, i) => (
            <Box
              component="li"
              key={event.seq}
              data-testid="feed-item"
              data-seq={event.seq}
              style={i > 0 ? { borderTop: '1px solid var(--mantine-color-gray-2)' } : undefined}
            >
              <FeedItem event={event} />
            </Box>
          ))}
        </Box>
      )}
    </Card>
  );
}
