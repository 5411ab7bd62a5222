import { Anchor, Group, Text } from '@mantine/core';
import { IconNote } from '@tabler/icons-react';
import { Link } from 'react-router';

/** The memos written on one segment, beside it in the segments view; each opens on the memos page. */
export function SegmentMemos({
  projectId,
  memos,
}: {
  projectId: string;
  memos: { id: string; title: string }[];
}) {
  if (memos.length === 0) return null;
  return (
    <Group gap={6} mt={6} wrap="wrap" aria-label="Memos on this segment">
      <IconNote size={14} color="var(--mantine-color-dimmed)" />
      <Text fz="xs" c="dimmed">
        Memo{memos.length === 1 ? '' : 's'}:
      </Text>
      {memos.map((memo) => (
        <Anchor key={memo.id} component={Link} to={`/projects/${projectId}/memos?memo=${memo.id}`} fz="xs">
          {memo.title}
        </Anchor>
      ))}
    </Group>
  );
}
