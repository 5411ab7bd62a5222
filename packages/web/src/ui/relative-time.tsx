import { Text, Tooltip } from '@mantine/core';
import { exactTime, relativeTime } from './time';
import { useNow } from './use-now';

/** "5 minutes ago", with the exact date and time on hover and focus. */
export function RelativeTime({ iso, fz = 'xs' }: { iso: string; fz?: string }) {
  const now = useNow();
  const full = exactTime(iso);
  return (
    <Tooltip label={full} openDelay={200} withArrow events={{ hover: true, focus: true, touch: true }}>
      <Text
        component="time"
        dateTime={iso}
        fz={fz}
        c="dimmed"
        tabIndex={0}
        title={full}
        style={{ whiteSpace: 'nowrap' }}
      >
        {relativeTime(iso, now)}
      </Text>
    </Tooltip>
  );
}
