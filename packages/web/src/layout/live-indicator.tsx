import { Box, Group, Text, Tooltip } from '@mantine/core';
import type { LiveStatus } from '../live/use-live-events';

const LABEL: Record<LiveStatus, { text: string; color: string; hint: string }> = {
  connecting: { text: 'Connecting', color: 'gray.5', hint: 'Connecting to the live activity feed…' },
  live: { text: 'Live', color: 'teal.6', hint: 'Changes by your team appear here as they happen.' },
  reconnecting: {
    text: 'Reconnecting',
    color: 'orange.5',
    hint: 'The connection dropped. Weft is reconnecting and will catch up on anything missed.',
  },
  failed: { text: 'Offline', color: 'red.6', hint: 'The live feed stopped. Reload the page to reconnect.' },
};

/** A small dot telling whether the activity feed is live. */
export function LiveIndicator({ status }: { status: LiveStatus }) {
  const label = LABEL[status];
  return (
    <Tooltip label={label.hint} multiline w={240} withArrow>
      <Group gap={6} wrap="nowrap" visibleFrom="xs" tabIndex={0} aria-label={`Live updates: ${label.text}`}>
        <Box w={8} h={8} bg={label.color} style={{ borderRadius: '50%' }} />
        <Text fz="xs" c="dimmed" data-testid="live-status">
          {label.text}
        </Text>
      </Group>
    </Tooltip>
  );
}
