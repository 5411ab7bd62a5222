import { Anchor, Badge, Group, Text } from '@mantine/core';
import type { MemoTargetView } from '@weft/protocol';
import { Link } from 'react-router';
import { TARGET_KIND_COLOURS, TARGET_KIND_LABELS } from './memo-words';

export function targetHref(projectId: string, target: MemoTargetView): string {
  const p = `/projects/${encodeURIComponent(projectId)}`;
  switch (target.kind) {
    case 'project':
      return p;
    case 'document':
      return `${p}/documents/${encodeURIComponent(target.id ?? '')}`;
    case 'code':
      return `${p}/codebook?code=${encodeURIComponent(target.id ?? '')}`;
    case 'case':
      return `${p}/cases?case=${encodeURIComponent(target.id ?? '')}`;
    case 'coding':
      return `${p}/documents/${encodeURIComponent(target.documentId ?? '')}?coding=${encodeURIComponent(target.id ?? '')}`;
  }
}

/** What a memo is on: its kind, its name (a segment quoted, with its document), marked when gone. */
export function MemoTargetLink({
  projectId,
  target,
  link = true,
}: {
  projectId: string;
  target: MemoTargetView;
  link?: boolean;
}) {
  const label = target.kind === 'coding' ? `“${target.label}”` : target.label;
  return (
    <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
      <Badge size="xs" variant="light" color={TARGET_KIND_COLOURS[target.kind]} style={{ flexShrink: 0 }}>
        {TARGET_KIND_LABELS[target.kind]}
      </Badge>
      <Text
        fz="xs"
        truncate
        td={target.missing ? 'line-through' : undefined}
        c={target.missing ? 'dimmed' : undefined}
      >
        {link && !target.missing ? (
          <Anchor component={Link} to={targetHref(projectId, target)} fz="xs">
            {label}
          </Anchor>
        ) : (
          label
        )}
        {target.documentName && (
          <Text span fz="xs" c="dimmed">
            {' '}
            in {target.documentName}
          </Text>
        )}
      </Text>
      {target.missing && (
        <Badge size="xs" color="red" variant="light" style={{ flexShrink: 0 }}>
          {target.kind === 'coding' ? 'segment removed' : 'deleted'}
        </Badge>
      )}
    </Group>
  );
}
