import { ActionIcon, Anchor, Badge, Group, Stack, Text, Tooltip } from '@mantine/core';
import { IconX } from '@tabler/icons-react';
import type { MemoLinkView } from '@weft/protocol';
import { Link } from 'react-router';
import { memoHref } from './memo-words';

const KIND_WORDS: Record<MemoLinkView['kind'], string> = {
  coding: 'Segment',
  memo: 'Memo',
  document: 'Document',
  code: 'Code',
};

function linkHref(projectId: string, link: MemoLinkView): string | undefined {
  const p = `/projects/${encodeURIComponent(projectId)}`;
  if (link.kind === 'memo') return memoHref(projectId, link.targetId);
  if (link.kind === 'document') return `${p}/documents/${encodeURIComponent(link.targetId)}`;
  if (link.kind === 'coding' && link.documentId)
    return `${p}/documents/${encodeURIComponent(link.documentId)}?coding=${encodeURIComponent(link.targetId)}`;
  if (link.kind === 'code') return `${p}/codebook?code=${encodeURIComponent(link.targetId)}`;
  return undefined;
}

/** A memo's see-also links: segments quoted with their document, memos by title. */
export function MemoLinksList({
  projectId,
  links,
  onRemove,
}: {
  projectId: string;
  links: MemoLinkView[];
  onRemove?: (link: MemoLinkView) => void;
}) {
  return (
    <Stack gap={4} aria-label="See also">
      <Text fz="xs" fw={600} c="dimmed" tt="uppercase">
        See also
      </Text>
      {links.map((link) => {
        const href = linkHref(projectId, link);
        const label = link.kind === 'coding' ? `“${link.label}”` : link.label;
        return (
          <Group key={`${link.kind}:${link.targetId}`} gap={6} wrap="nowrap" data-testid="memo-link">
            <Badge size="xs" variant="light" color={link.kind === 'memo' ? 'indigo' : 'orange'} w={72}>
              {KIND_WORDS[link.kind]}
            </Badge>
            <Text
              fz="sm"
              truncate
              style={{ flex: 1, minWidth: 0 }}
              td={link.missing ? 'line-through' : undefined}
            >
              {href ? (
                <Anchor component={Link} to={href} fz="sm">
                  {label}
                </Anchor>
              ) : (
                label
              )}
              {link.documentName && (
                <Text span fz="xs" c="dimmed">
                  {' '}
                  in {link.documentName}
                </Text>
              )}
              {link.missing && (
                <Text span fz="xs" c="red">
                  {' '}
                  (removed)
                </Text>
              )}
            </Text>
            {onRemove && (
              <Tooltip label="Remove this link">
                <ActionIcon
                  size="xs"
                  variant="subtle"
                  color="gray"
                  aria-label={`Remove the link to ${label}`}
                  onClick={() => onRemove(link)}
                >
                  <IconX size={12} />
                </ActionIcon>
              </Tooltip>
            )}
          </Group>
        );
      })}
    </Stack>
  );
}
