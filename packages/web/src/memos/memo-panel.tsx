import { Alert, Button, Center, Group, Loader, Stack, Text } from '@mantine/core';
import { IconNote, IconPlus } from '@tabler/icons-react';
import { type MemoTargetKind, mayDo } from '@weft/core';
import { useCallback, useState } from 'react';
import { errorMessage } from '../api/problem';
import { useResource } from '../api/use-resource';
import { useProject } from '../project/project-context';
import { MemoCard } from './memo-card';
import { MemoForm } from './memo-form';
import { memosApi } from './memos-api';
import { useMemoEvents } from './use-memo-events';

export type MemoTarget = { kind: MemoTargetKind; id: string };

/**
 * The memos written on one thing (the project, a document, a case, a code or a segment), where
 * that thing appears: read, written and edited in place, refreshed live when anyone changes them.
 * For the project, pass `{ kind: 'project', id: projectId }`.
 */
export function MemoPanel({
  projectId,
  target,
  compact = false,
}: {
  projectId: string;
  target: MemoTarget;
  compact?: boolean;
}) {
  const { role } = useProject();
  const [writing, setWriting] = useState(false);
  const targetId = target.kind === 'project' ? undefined : target.id;
  const key = `${projectId}:${target.kind}:${targetId ?? ''}`;
  const memos = useResource(key, () => memosApi.list(projectId, { targetKind: target.kind, targetId }));
  const { reload } = memos;
  useMemoEvents(useCallback(() => void reload(), [reload]));
  const mayWrite = mayDo(role, 'memo.create');

  return (
    <Stack gap="xs" aria-label="Memos" data-testid="memo-panel">
      <Group justify="space-between" gap="xs">
        <Group gap={6}>
          <IconNote size={16} />
          <Text fz="sm" fw={600}>
            Memos{memos.data ? ` (${memos.data.memos.length})` : ''}
          </Text>
        </Group>
        {mayWrite && !writing && (
          <Button
            size="compact-xs"
            variant="light"
            leftSection={<IconPlus size={12} />}
            onClick={() => setWriting(true)}
          >
            New memo
          </Button>
        )}
      </Group>
      {writing && (
        <MemoForm
          projectId={projectId}
          target={{ kind: target.kind, id: targetId ?? null }}
          compact={compact}
          onCancel={() => setWriting(false)}
          onSaved={() => {
            setWriting(false);
            void reload();
          }}
        />
      )}
      {memos.error && !memos.data ? (
        <Alert color="red" variant="light">
          {errorMessage(memos.error)}
        </Alert>
      ) : !memos.data ? (
        <Center py="sm">
          <Loader size="sm" aria-label="Loading memos" />
        </Center>
      ) : memos.data.memos.length === 0 ? (
        !writing && (
          <Text fz="xs" c="dimmed">
            No memos here yet.
            {mayWrite ? ' Write down what you notice, why you coded it, or what to ask next.' : ''}
          </Text>
        )
      ) : (
        memos.data.memos.map((memo) => (
          <MemoCard
            key={memo.id}
            projectId={projectId}
            memo={memo}
            compact={compact}
            onChanged={() => void reload()}
          />
        ))
      )}
    </Stack>
  );
}
