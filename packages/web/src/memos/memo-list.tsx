import { Card, Stack, Text, UnstyledButton } from '@mantine/core';
import type { MemoSummary } from '@weft/protocol';
import { relativeTime } from '../ui/time';
import { MemoTargetLink } from './memo-target-link';

/** The memos page's list: title, what the memo is on, who and when, the start of its text. */
export function MemoList({
  projectId,
  memos,
  selectedId,
  onSelect,
}: {
  projectId: string;
  memos: MemoSummary[];
  selectedId: string | null;
  onSelect: (memoId: string) => void;
}) {
  return (
    <Stack gap={6} aria-label="Memo list">
      {memos.map((memo) => {
        const selected = memo.id === selectedId;
        return (
          <Card
            key={memo.id}
            withBorder
            padding="sm"
            radius="sm"
            style={{ borderColor: selected ? 'var(--mantine-color-blue-5)' : undefined }}
            bg={selected ? 'var(--mantine-color-blue-0)' : undefined}
          >
            <UnstyledButton onClick={() => onSelect(memo.id)} aria-current={selected || undefined} w="100%">
              <Text fz="sm" fw={600} truncate>
                {memo.title}
              </Text>
            </UnstyledButton>
            <MemoTargetLink projectId={projectId} target={memo.target} link={false} />
            <Text fz="xs" c="dimmed">
              {memo.authorName} · {relativeTime(memo.updatedAt)}
              {memo.linkCount > 0 ? ` · ${memo.linkCount} link${memo.linkCount === 1 ? '' : 's'}` : ''}
            </Text>
            {memo.excerpt && (
              <Text fz="xs" lineClamp={2} mt={2}>
                {memo.excerpt}
              </Text>
            )}
          </Card>
        );
      })}
    </Stack>
  );
}
