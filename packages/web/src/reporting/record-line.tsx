import { Group, Stack, Text } from '@mantine/core';
import type { RecordView } from '@weft/protocol';
import type { ReactNode } from 'react';

function firstAuthor(view: RecordView): string {
  const [first, ...rest] = view.record.authors;
  if (!first) return '';
  const name = first.literal ?? first.family;
  return rest.length > 0 ? `${name} et al.` : name;
}

/** One record as a line of a list: title, then first author, year and journal. */
export function RecordLine({ view, actions }: { view: RecordView; actions?: ReactNode }) {
  const { record } = view;
  const meta = [firstAuthor(view), record.year, record.containerAbbreviation ?? record.container]
    .filter((part) => part !== undefined && part !== '')
    .join(' · ');
  return (
    <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
      <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
        <Text fz="sm" fw={500} lineClamp={2}>
          {record.title || '(no title)'}
        </Text>
        {meta && (
          <Text fz="xs" c="dimmed" truncate>
            {meta}
          </Text>
        )}
      </Stack>
      {actions}
    </Group>
  );
}
