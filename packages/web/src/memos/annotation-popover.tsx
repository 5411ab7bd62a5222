import { ActionIcon, Button, Group, Indicator, Popover, Stack, Text, Textarea, Tooltip } from '@mantine/core';
import { IconMessage2, IconPencil, IconTrash } from '@tabler/icons-react';
import { ANNOTATION_MAX, mayChangeNote, mayDo } from '@weft/core';
import type { AnnotationView } from '@weft/protocol';
import { useCallback, useState } from 'react';
import { sendCommand } from '../api/commands';
import { errorMessage } from '../api/problem';
import { useResource } from '../api/use-resource';
import { useProject } from '../project/project-context';
import { useCurrentUser } from '../session/session-context';
import { relativeTime } from '../ui/time';
import { memosApi } from './memos-api';
import { useMemoEvents } from './use-memo-events';

/**
 * Annotations of one coded segment behind a small button (with their count): short notes read,
 * added, edited and removed in place. For a selected coding on the coding screen, and each
 * segment of the segments view, where `lazy` waits for the first opening before reading (a page
 * of two hundred segments would otherwise ask two hundred times at once).
 */
export function AnnotationPopover({
  projectId,
  codingId,
  lazy = false,
}: {
  projectId: string;
  codingId: string;
  lazy?: boolean;
}) {
  const [opened, setOpened] = useState(false);
  const [wanted, setWanted] = useState(!lazy);
  const annotations = useResource(wanted ? `${projectId}:${codingId}` : null, () =>
    memosApi.codingAnnotations(projectId, codingId),
  );
  const { reload } = annotations;
  useMemoEvents(
    useCallback(() => {
      if (wanted) void reload();
    }, [reload, wanted]),
  );
  const count = annotations.data?.annotations.length ?? 0;

  return (
    <Popover
      opened={opened}
      onChange={setOpened}
      width={340}
      position="bottom-end"
      shadow="md"
      withArrow
      trapFocus
    >
      <Popover.Target>
        <Indicator label={count} size={14} disabled={count === 0} offset={3}>
          <Tooltip
            label={
              !wanted
                ? 'Annotations of this segment'
                : count
                  ? `${count} annotation${count === 1 ? '' : 's'}`
                  : 'Annotate'
            }
            disabled={opened}
          >
            <ActionIcon
              variant={count ? 'light' : 'subtle'}
              aria-label={
                !wanted ? 'Annotations' : count ? `Annotations (${count})` : 'Annotate this segment'
              }
              onClick={() => {
                setWanted(true);
                setOpened((o) => !o);
              }}
            >
              <IconMessage2 size={16} />
            </ActionIcon>
          </Tooltip>
        </Indicator>
      </Popover.Target>
      <Popover.Dropdown>
        <AnnotationList
          projectId={projectId}
          codingId={codingId}
          annotations={annotations.data?.annotations ?? []}
          error={annotations.error}
          onChanged={() => void reload()}
        />
      </Popover.Dropdown>
    </Popover>
  );
}

function AnnotationList({
  projectId,
  codingId,
  annotations,
  error,
  onChanged,
}: {
  projectId: string;
  codingId: string;
  annotations: AnnotationView[];
  error: unknown;
  onChanged: () => void;
}) {
  const { role } = useProject();
  const [draft, setDraft] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  async function run(action: () => Promise<unknown>, after?: () => void) {
    setBusy(true);
    setProblem(null);
    try {
      await action();
      after?.();
      onChanged();
    } catch (err) {
      setProblem(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Stack gap="xs" aria-label="Annotations">
      <Text fz="sm" fw={600}>
        Annotations
      </Text>
      {!!error && (
        <Text fz="xs" c="red">
          {errorMessage(error)}
        </Text>
      )}
      {annotations.length === 0 && (
        <Text fz="xs" c="dimmed">
          No annotations on this segment.
        </Text>
      )}
      {annotations.map((a) => (
        <AnnotationItem key={a.id} projectId={projectId} annotation={a} busy={busy} run={run} />
      ))}
      {mayDo(role, 'annotation.add') && (
        <>
          <Textarea
            aria-label="New annotation"
            placeholder="A short note on this segment"
            autosize
            minRows={2}
            maxLength={ANNOTATION_MAX}
            value={draft}
            onChange={(e) => setDraft(e.currentTarget.value)}
          />
          <Group justify="flex-end">
            <Button
              size="xs"
              loading={busy}
              disabled={!draft.trim()}
              onClick={() =>
                void run(
                  () => sendCommand('annotation.add', { codingId, text: draft }, projectId),
                  () => setDraft(''),
                )
              }
            >
              Annotate
            </Button>
          </Group>
        </>
      )}
      {problem && (
        <Text fz="xs" c="red" role="alert">
          {problem}
        </Text>
      )}
    </Stack>
  );
}

function AnnotationItem({
  projectId,
  annotation: a,
  busy,
  run,
}: {
  projectId: string;
  annotation: AnnotationView;
  busy: boolean;
  run: (action: () => Promise<unknown>, after?: () => void) => Promise<void>;
}) {
  const { role } = useProject();
  const user = useCurrentUser();
  const [editing, setEditing] = useState<string | null>(null);
  const mayChange = mayChangeNote(role, user.id, a.authorId);
  if (editing !== null)
    return (
      <Stack gap={4}>
        <Textarea
          aria-label="Edit annotation"
          autosize
          minRows={2}
          maxLength={ANNOTATION_MAX}
          value={editing}
          onChange={(e) => setEditing(e.currentTarget.value)}
        />
        <Group gap="xs" justify="flex-end">
          <Button size="compact-xs" variant="default" onClick={() => setEditing(null)}>
            Cancel
          </Button>
          <Button
            size="compact-xs"
            loading={busy}
            disabled={!editing.trim()}
            onClick={() =>
              void run(
                () =>
                  sendCommand(
                    'annotation.edit',
                    { annotationId: a.id, expectedVersion: a.version, text: editing },
                    projectId,
                  ),
                () => setEditing(null),
              )
            }
          >
            Save
          </Button>
        </Group>
      </Stack>
    );
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start" data-testid="annotation">
      <Stack gap={0} style={{ flex: 1, minWidth: 0 }}>
        <Text fz="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {a.text}
        </Text>
        <Text fz="xs" c="dimmed">
          {a.authorName} · {relativeTime(a.updatedAt)}
        </Text>
      </Stack>
      {mayChange && (
        <Group gap={0} wrap="nowrap">
          <ActionIcon
            size="sm"
            variant="subtle"
            aria-label="Edit annotation"
            onClick={() => setEditing(a.text)}
          >
            <IconPencil size={14} />
          </ActionIcon>
          <ActionIcon
            size="sm"
            variant="subtle"
            color="red"
            aria-label="Remove annotation"
            onClick={() =>
              void run(() => sendCommand('annotation.remove', { annotationId: a.id }, projectId))
            }
          >
            <IconTrash size={14} />
          </ActionIcon>
        </Group>
      )}
    </Group>
  );
}
