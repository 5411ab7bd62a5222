import { Alert, Button, Group, Stack, TextInput } from '@mantine/core';
import type { MemoTarget, RichDoc } from '@weft/core';
import type { CommandPayload } from '@weft/protocol';
import { useState } from 'react';
import { sendCommand } from '../api/commands';
import { errorMessage, isApiError } from '../api/problem';
import { ConflictNotice } from '../project/conflict-notice';
import { EMPTY_DOC, LazyMemoEditor } from './lazy-memo-rich-text';

export interface EditedMemo {
  id: string;
  title: string;
  content: RichDoc;
  version: number;
}

/**
 * Writing a new memo on a target, or editing one. A stale edit (someone saved first) is not
 * lost: the writer chooses to save theirs over it or to keep the other version.
 */
export function MemoForm({
  projectId,
  target,
  memo,
  onSaved,
  onCancel,
  compact = false,
}: {
  projectId: string;
  /** For a new memo: what it is on. */
  target?: MemoTarget;
  /** For an edit: the memo as loaded. */
  memo?: EditedMemo;
  onSaved: (memoId: string) => void;
  onCancel: () => void;
  compact?: boolean;
}) {
  const [title, setTitle] = useState(memo?.title ?? '');
  const [content, setContent] = useState<RichDoc>(memo?.content ?? EMPTY_DOC);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<{ version: number } | null>(null);

  async function save(expectedVersion = memo?.version) {
    // The editor's document, sent as the command's loose JSON (the server whitelists it).
    const doc = content as CommandPayload<'memo.create'>['content'];
    setBusy(true);
    setError(null);
    try {
      if (memo && expectedVersion !== undefined) {
        await sendCommand('memo.edit', { memoId: memo.id, expectedVersion, title, content: doc }, projectId);
        onSaved(memo.id);
      } else if (target) {
        const memoId = crypto.randomUUID();
        await sendCommand(
          'memo.create',
          { memoId, title, content: doc, targetKind: target.kind, targetId: target.id },
          projectId,
        );
        onSaved(memoId);
      } else setError('Choose what the memo is on first.');
      setConflict(null);
    } catch (err) {
      if (isApiError(err) && err.code === 'stale-version') {
        const current = err.problem.current as { version?: number } | undefined;
        setConflict({ version: current?.version ?? (memo?.version ?? 0) + 1 });
      } else setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Stack gap="xs">
      <TextInput
        label="Title"
        placeholder="Optional (else its first words)"
        value={title}
        onChange={(e) => setTitle(e.currentTarget.value)}
        maxLength={200}
        size={compact ? 'xs' : 'sm'}
      />
      <LazyMemoEditor
        value={content}
        onChange={setContent}
        label="Memo text"
        minHeight={compact ? 90 : 180}
        compact={compact}
        autoFocus
      />
      {conflict && (
        <ConflictNotice busy={busy} onOverwrite={() => void save(conflict.version)} onDiscard={onCancel}>
          Another member saved this memo after you opened it. Save yours over it, or keep theirs and drop your
          changes.
        </ConflictNotice>
      )}
      {error && (
        <Alert color="red" variant="light" role="alert">
          {error}
        </Alert>
      )}
      <Group gap="xs" justify="flex-end">
        <Button variant="default" size="xs" onClick={onCancel} disabled={busy}>
          Cancel
        </Button>
        <Button size="xs" onClick={() => void save()} loading={busy} disabled={!!conflict}>
          {memo ? 'Save memo' : 'Add memo'}
        </Button>
      </Group>
    </Stack>
  );
}
