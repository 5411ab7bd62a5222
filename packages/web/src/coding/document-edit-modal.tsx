import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import type { ReanchorCounts } from '@weft/protocol';
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { sendCommand } from '../api/commands';
import { errorMessage } from '../api/problem';

/**
 * Edit the document's canonical text (typo fixes, anonymisation). Saving makes a new version;
 * the server re-anchors every coding and the counts are shown, with the orphans' queue.
 */
export function DocumentEditModal(props: {
  opened: boolean;
  projectId: string;
  documentId: string;
  version: number;
  text: string;
  /** A PDF drawn on its pages: its page layout cannot follow an edit, so say the new version is text. */
  pdf?: boolean;
  onClose: () => void;
  onSaved: () => void;
}) {
  const [draft, setDraft] = useState(props.text);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<{ version: number; reanchored: ReanchorCounts } | null>(null);
  // Reset on opening only: the saved version's reload must not wipe the result being shown.
  const { opened, text } = props;
  const textRef = useRef(text);
  textRef.current = text;
  useEffect(() => {
    if (opened) {
      setDraft(textRef.current);
      setError(null);
      setResult(null);
    }
  }, [opened]);

  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      const response = await sendCommand(
        'document.edit',
        { documentId: props.documentId, expectedVersion: props.version, text: draft },
        props.projectId,
      );
      setResult(response.result);
      props.onSaved();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const r = result?.reanchored;
  return (
    <Modal opened={props.opened} onClose={props.onClose} title="Edit the text" size="xl">
      {result && r ? (
        <Stack gap="sm" data-testid="reanchor-result">
          <Alert
            color={r.orphan > 0 ? 'yellow' : 'teal'}
            variant="light"
            title={`Saved as version ${result.version}`}
          >
            Codings: {r.kept} kept, {r.moved} moved with the text, {r.fuzzy} placed by approximate match,{' '}
            {r.orphan} lost their text.
            {r.orphan > 0 && (
              <>
                {' '}
                Orphans are kept, never deleted:{' '}
                <Link to={`/projects/${props.projectId}/codebook/orphans`}>review them</Link>.
              </>
            )}
          </Alert>
          <Group justify="flex-end">
            <Button onClick={props.onClose}>Done</Button>
          </Group>
        </Stack>
      ) : (
        <Stack gap="sm">
          <Text fz="sm" c="dimmed">
            For typo fixes and anonymisation. Saving makes version {props.version + 1}; codings move with the
            text, and any that lose it are kept for review.
          </Text>
          {props.pdf && (
            <Alert color="blue" variant="light" data-testid="pdf-edit-note">
              The new version will be shown and coded as text: the PDF's page layout cannot follow an edit.
            </Alert>
          )}
          <Textarea
            aria-label="Document text"
            value={draft}
            onChange={(e) => setDraft(e.currentTarget.value)}
            autosize
            minRows={12}
            maxRows={24}
            styles={{ input: { fontSize: 14, lineHeight: 1.55 } }}
          />
          {error && (
            <Alert color="red" variant="light">
              {error}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              Cancel
            </Button>
            <Button
              loading={busy}
              disabled={draft === props.text || draft.length === 0}
              onClick={() => void save()}
            >
              Save version {props.version + 1}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
