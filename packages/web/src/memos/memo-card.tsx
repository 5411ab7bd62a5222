import { ActionIcon, Anchor, Badge, Button, Card, Group, Loader, Stack, Text, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconChevronDown,
  IconChevronRight,
  IconExternalLink,
  IconPencil,
  IconTrash,
} from '@tabler/icons-react';
import { mayChangeNote } from '@weft/core';
import type { MemoSummary } from '@weft/protocol';
import { useState } from 'react';
import { Link } from 'react-router';
import { sendCommand } from '../api/commands';
import { errorMessage } from '../api/problem';
import { useResource } from '../api/use-resource';
import { useProject } from '../project/project-context';
import { useCurrentUser } from '../session/session-context';
import { relativeTime } from '../ui/time';
import { LazyMemoText } from './lazy-memo-rich-text';
import { MemoForm } from './memo-form';
import { MemoLinksList } from './memo-links-list';
import { memoHref } from './memo-words';
import { memosApi } from './memos-api';

/** One memo in a panel: its title line, opened to read in place, edited in place by who may. */
export function MemoCard({
  projectId,
  memo,
  compact,
  onChanged,
}: {
  projectId: string;
  memo: MemoSummary;
  compact: boolean;
  onChanged: () => void;
}) {
  const { role } = useProject();
  const user = useCurrentUser();
  const [open, setOpen] = useState(false);
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Loaded when opened, and again when the memo's version moves (an edit from anyone).
  const full = useResource(open ? `${memo.id}:${memo.version}` : null, () =>
    memosApi.memo(projectId, memo.id),
  );
  const mayChange = mayChangeNote(role, user.id, memo.authorId);

  async function remove() {
    setError(null);
    try {
      await sendCommand('memo.delete', { memoId: memo.id }, projectId);
      onChanged();
      // Deleting from a panel is one click: say so, and offer it back.
      const id = notifications.show({
        message: (
          <Group gap="sm" justify="space-between" wrap="nowrap">
            <Text fz="sm">Memo “{memo.title}” deleted.</Text>
            <Button
              size="compact-xs"
              variant="light"
              onClick={() => {
                notifications.hide(id);
                void sendCommand('memo.restore', { memoId: memo.id }, projectId).then(onChanged, (err) =>
                  notifications.show({ color: 'red', title: 'Not restored', message: errorMessage(err) }),
                );
              }}
            >
              Restore
            </Button>
          </Group>
        ),
      });
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  return (
    <Card withBorder padding={compact ? 'xs' : 'sm'} radius="sm" data-testid="memo-card">
      <Group gap="xs" wrap="nowrap" justify="space-between" align="flex-start">
        <Group
          gap={6}
          wrap="nowrap"
          style={{ cursor: 'pointer', minWidth: 0, flex: 1 }}
          onClick={() => setOpen((o) => !o)}
          role="button"
          aria-expanded={open}
          tabIndex={0}
          onKeyDown={(e) => {
            if (e.key === 'Enter' || e.key === ' ') {
              e.preventDefault();
              setOpen((o) => !o);
            }
          }}
        >
          {open ? <IconChevronDown size={14} /> : <IconChevronRight size={14} />}
          <Stack gap={0} style={{ minWidth: 0 }}>
            <Text fz="sm" fw={600} truncate>
              {memo.title}
            </Text>
            <Text fz="xs" c="dimmed" truncate>
              {memo.authorName} · {relativeTime(memo.updatedAt)}
              {memo.linkCount > 0 ? ` · ${memo.linkCount} link${memo.linkCount === 1 ? '' : 's'}` : ''}
            </Text>
          </Stack>
        </Group>
        <Group gap={2} wrap="nowrap">
          {memo.target.missing && (
            <Badge size="xs" color="red" variant="light" title="What this memo is on was deleted or removed">
              target gone
            </Badge>
          )}
          <Tooltip label="Open on the memos page">
            <ActionIcon
              component={Link}
              to={memoHref(projectId, memo.id)}
              variant="subtle"
              size="sm"
              aria-label={`Open “${memo.title}” on the memos page`}
            >
              <IconExternalLink size={14} />
            </ActionIcon>
          </Tooltip>
          {mayChange && (
            <>
              <Tooltip label="Edit">
                <ActionIcon
                  variant="subtle"
                  size="sm"
                  aria-label={`Edit “${memo.title}”`}
                  onClick={() => {
                    setOpen(true);
                    setEditing(true);
                  }}
                >
                  <IconPencil size={14} />
                </ActionIcon>
              </Tooltip>
              <Tooltip label="Delete (it can be restored from the memos page)">
                <ActionIcon
                  variant="subtle"
                  color="red"
                  size="sm"
                  aria-label={`Delete “${memo.title}”`}
                  onClick={() => void remove()}
                >
                  <IconTrash size={14} />
                </ActionIcon>
              </Tooltip>
            </>
          )}
        </Group>
      </Group>
      {!open && memo.excerpt && (
        <Text fz="xs" c="dimmed" lineClamp={2} mt={4}>
          {memo.excerpt}
        </Text>
      )}
      {error && (
        <Text fz="xs" c="red" role="alert">
          {error}
        </Text>
      )}
      {open &&
        (!full.data ? (
          full.error ? (
            <Text fz="xs" c="red">
              {errorMessage(full.error)}
            </Text>
          ) : (
            <Loader size="xs" mt="xs" aria-label="Loading the memo" />
          )
        ) : editing ? (
          <div style={{ marginTop: 8 }}>
            <MemoForm
              projectId={projectId}
              memo={full.data.memo}
              compact={compact}
              onCancel={() => setEditing(false)}
              onSaved={() => {
                setEditing(false);
                onChanged();
              }}
            />
          </div>
        ) : (
          <Stack gap={4} mt={4}>
            <LazyMemoText content={full.data.memo.content} compact={compact} />
            {full.data.links.length > 0 && <MemoLinksList projectId={projectId} links={full.data.links} />}
            {full.data.backlinks.length > 0 && (
              <Text fz="xs" c="dimmed">
                Linked from:{' '}
                {full.data.backlinks.map((b, i) => (
                  <span key={b.id}>
                    {i > 0 && ', '}
                    <Anchor component={Link} to={memoHref(projectId, b.id)} fz="xs">
                      {b.title}
                    </Anchor>
                  </span>
                ))}
              </Text>
            )}
          </Stack>
        ))}
    </Card>
  );
}
