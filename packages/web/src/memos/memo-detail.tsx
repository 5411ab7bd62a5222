import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Center,
  Group,
  Loader,
  Menu,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { IconArrowBackUp, IconLink, IconPencil, IconTrash } from '@tabler/icons-react';
import { mayChangeNote } from '@weft/core';
import type { MemoLinkView } from '@weft/protocol';
import { useCallback, useState } from 'react';
import { Link } from 'react-router';
import { sendCommand } from '../api/commands';
import { errorMessage } from '../api/problem';
import { useResource } from '../api/use-resource';
import { useProject } from '../project/project-context';
import { useCurrentUser } from '../session/session-context';
import { exactTime, relativeTime } from '../ui/time';
import { AnnotationPopover } from './annotation-popover';
import { LazyMemoText } from './lazy-memo-rich-text';
import { MemoPicker, SegmentPicker } from './link-pickers';
import { MemoForm } from './memo-form';
import { MemoLinksList } from './memo-links-list';
import { MemoTargetLink } from './memo-target-link';
import { memoHref } from './memo-words';
import { memosApi } from './memos-api';
import { useMemoEvents } from './use-memo-events';

/** One memo on the memos page: its text (edited in the rich editor), see-also links and backlinks. */
export function MemoDetail({ projectId, memoId }: { projectId: string; memoId: string }) {
  const { role } = useProject();
  const user = useCurrentUser();
  const memo = useResource(`${projectId}:${memoId}`, () => memosApi.memo(projectId, memoId));
  const { reload } = memo;
  useMemoEvents(useCallback(() => void reload(), [reload]));
  const [editing, setEditing] = useState(false);
  const [picker, setPicker] = useState<'segment' | 'memo' | null>(null);
  const [error, setError] = useState<string | null>(null);

  if (memo.error && !memo.data)
    return (
      <Alert color="red" variant="light">
        {errorMessage(memo.error)}
      </Alert>
    );
  if (!memo.data)
    return (
      <Center py="xl">
        <Loader aria-label="Loading the memo" />
      </Center>
    );
  const { memo: m, links, backlinks } = memo.data;
  const mayChange = mayChangeNote(role, user.id, m.authorId);
  const deleted = m.status === 'deleted';

  async function run(action: () => Promise<unknown>) {
    setError(null);
    try {
      await action();
      await reload();
    } catch (err) {
      setError(errorMessage(err));
    }
  }
  const link = (kind: MemoLinkView['kind'], targetId: string) => {
    setPicker(null);
    void run(() => sendCommand('memo.link', { memoId: m.id, kind, targetId }, projectId));
  };

  return (
    <Card withBorder radius="md" padding="lg" aria-label={`Memo “${m.title}”`}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={4} style={{ minWidth: 0 }}>
            <Title order={2} fz="h3">
              {m.title}
              {deleted && (
                <Badge ml="sm" color="red" variant="light">
                  deleted
                </Badge>
              )}
            </Title>
            <Group gap="xs" wrap="nowrap">
              <MemoTargetLink projectId={projectId} target={m.target} />
              {/* A memo on a segment shows the segment's short notes too. */}
              {m.target.kind === 'coding' && m.target.id && !m.target.missing && (
                <AnnotationPopover projectId={projectId} codingId={m.target.id} />
              )}
            </Group>
            <Text fz="xs" c="dimmed" title={exactTime(m.updatedAt)}>
              {m.authorName} · written {relativeTime(m.createdAt)}
              {m.updatedAt !== m.createdAt ? ` · changed ${relativeTime(m.updatedAt)}` : ''}
            </Text>
          </Stack>
          {mayChange && !editing && (
            <Group gap="xs" wrap="nowrap">
              {deleted ? (
                <Button
                  size="xs"
                  variant="light"
                  leftSection={<IconArrowBackUp size={14} />}
                  onClick={() => void run(() => sendCommand('memo.restore', { memoId: m.id }, projectId))}
                >
                  Restore
                </Button>
              ) : (
                <>
                  <Button
                    size="xs"
                    variant="light"
                    leftSection={<IconPencil size={14} />}
                    onClick={() => setEditing(true)}
                  >
                    Edit
                  </Button>
                  <Menu position="bottom-end">
                    <Menu.Target>
                      <Button size="xs" variant="default" leftSection={<IconLink size={14} />}>
                        Add link
                      </Button>
                    </Menu.Target>
                    <Menu.Dropdown>
                      <Menu.Item onClick={() => setPicker('segment')}>A coded segment…</Menu.Item>
                      <Menu.Item onClick={() => setPicker('memo')}>Another memo…</Menu.Item>
                    </Menu.Dropdown>
                  </Menu>
                  <Button
                    size="xs"
                    variant="subtle"
                    color="red"
                    leftSection={<IconTrash size={14} />}
                    onClick={() => void run(() => sendCommand('memo.delete', { memoId: m.id }, projectId))}
                  >
                    Delete
                  </Button>
                </>
              )}
            </Group>
          )}
        </Group>
        {error && (
          <Alert color="red" variant="light" role="alert">
            {error}
          </Alert>
        )}
        {editing ? (
          <MemoForm
            projectId={projectId}
            memo={m}
            onCancel={() => setEditing(false)}
            onSaved={() => {
              setEditing(false);
              void reload();
            }}
          />
        ) : (
          <LazyMemoText content={m.content} />
        )}
        {links.length > 0 && (
          <MemoLinksList
            projectId={projectId}
            links={links}
            onRemove={
              mayChange && !deleted
                ? (l) =>
                    void run(() =>
                      sendCommand(
                        'memo.unlink',
                        { memoId: m.id, kind: l.kind, targetId: l.targetId },
                        projectId,
                      ),
                    )
                : undefined
            }
          />
        )}
        {backlinks.length > 0 && (
          <Stack gap={2}>
            <Text fz="xs" fw={600} c="dimmed" tt="uppercase">
              Linked from
            </Text>
            {backlinks.map((b) => (
              <Anchor
                key={b.id}
                component={Link}
                to={memoHref(projectId, b.id)}
                fz="sm"
                td={b.status === 'deleted' ? 'line-through' : undefined}
              >
                {b.title}
              </Anchor>
            ))}
          </Stack>
        )}
      </Stack>
      <SegmentPicker
        projectId={projectId}
        opened={picker === 'segment'}
        onClose={() => setPicker(null)}
        onPick={(codingId) => link('coding', codingId)}
      />
      <MemoPicker
        projectId={projectId}
        exclude={[m.id, ...links.filter((l) => l.kind === 'memo').map((l) => l.targetId)]}
        opened={picker === 'memo'}
        onClose={() => setPicker(null)}
        onPick={(targetId) => link('memo', targetId)}
      />
    </Card>
  );
}
