import { Badge, Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { RelativeTime } from '../ui/relative-time';

/** A coding's head in the lost and to-confirm lists: its code, document, coder and when. */
export function ReviewCodingHeader({
  codeName,
  documentName,
  coderName,
  createdAt,
  badge,
}: {
  codeName: string;
  documentName: string;
  coderName: string;
  createdAt: string;
  /** Said about the coding after its document (a fuzzy match's score). */
  badge?: ReactNode;
}) {
  return (
    <Group justify="space-between" gap="xs" wrap="nowrap" mb={6}>
      <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
        <Badge size="sm" variant="light" tt="none">
          {codeName}
        </Badge>
        <Text fz="sm" fw={600} truncate>
          {documentName}
        </Text>
        {badge}
      </Group>
      <Group gap={6} wrap="nowrap">
        <Text fz="xs" c="dimmed">
          {coderName}
        </Text>
        <RelativeTime iso={createdAt} />
      </Group>
    </Group>
  );
}
