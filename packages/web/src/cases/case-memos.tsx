import { Card, Text } from '@mantine/core';
import type { CaseView } from '@weft/protocol';
import { MemoPanel } from '../memos/memo-panel';

/** The memos written on the selected case of the sheet (the row of the active cell). */
export function CaseMemos({ projectId, item }: { projectId: string; item: CaseView | undefined }) {
  if (!item) return null;
  return (
    <Card withBorder radius="md" padding="sm" data-testid="case-memos">
      <Text fz="xs" c="dimmed" mb={4}>
        Case “{item.name}” (the selected row)
      </Text>
      <MemoPanel key={item.id} projectId={projectId} target={{ kind: 'case', id: item.id }} compact />
    </Card>
  );
}
