import { Alert, Button, Group, Modal, NumberInput, Stack, Text } from '@mantine/core';
import { IconChecks } from '@tabler/icons-react';
import type { CommandResults } from '@weft/protocol';
import { useEffect, useState } from 'react';
import { sendCommand } from '../api/commands';
import { identificationApi } from '../api/identification';
import { errorMessage } from '../api/problem';

export type BulkResult = CommandResults['dedup.merge-above-score'];

/**
 * "Accept every pair scoring X% or more": the person sees how many pairs that is before
 * confirming, and the command carries that number so a queue that changed meanwhile is refused
 * instead of merging pairs nobody counted.
 */
export function BulkAcceptControl({
  projectId,
  queueVersion,
  onMerged,
}: {
  projectId: string;
  /** Changes whenever the queue reloads, so the count follows it. */
  queueVersion: unknown;
  onMerged: (result: BulkResult) => void;
}) {
  const [percent, setPercent] = useState<number>(90);
  const [count, setCount] = useState<number | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const minScore = Math.min(100, Math.max(0, percent)) / 100;

  useEffect(() => {
    let live = true;
    void queueVersion;
    identificationApi
      .duplicates(projectId, 'pending', 1, minScore)
      .then((page) => live && setCount(page.total))
      .catch(() => live && setCount(null));
    return () => {
      live = false;
    };
  }, [projectId, minScore, queueVersion]);

  const confirm = async () => {
    if (count === null || count === 0) return;
    setBusy(true);
    setError(null);
    try {
      const { result } = await sendCommand(
        'dedup.merge-above-score',
        { minScore, expectedCount: count },
        projectId,
      );
      setConfirming(false);
      onMerged(result);
    } catch (failure) {
      setError(errorMessage(failure));
      // The queue changed under the dialog: show the new number, let the person confirm again.
      const page = await identificationApi.duplicates(projectId, 'pending', 1, minScore).catch(() => null);
      if (page) setCount(page.total);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Group gap="xs" data-testid="bulk-accept">
        <Text fz="sm" c="dimmed">
          Accept every pair scoring at least
        </Text>
        <NumberInput
          size="xs"
          w={84}
          min={0}
          max={100}
          step={5}
          suffix="%"
          value={percent}
          onChange={(value) => setPercent(typeof value === 'number' ? value : Number(value) || 0)}
          aria-label="Minimum score"
        />
        <Button
          size="xs"
          variant="light"
          color="teal"
          leftSection={<IconChecks size={14} />}
          disabled={!count}
          onClick={() => {
            setError(null);
            setConfirming(true);
          }}
        >
          Accept {count ?? '…'} {count === 1 ? 'pair' : 'pairs'}
        </Button>
      </Group>
      <Modal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title="Accept pairs as duplicates"
        size="md"
      >
        <Stack gap="sm">
          <Text fz="sm" data-testid="bulk-accept-summary">
            Merge <b>{count}</b> {count === 1 ? 'pair' : 'pairs'} scoring {Math.round(minScore * 100)}% or
            more, in one step.
          </Text>
          <Text fz="sm" c="dimmed">
            Records someone marked “not a duplicate” are never joined: a pair that would join them stays in
            the queue. You can undo the whole batch with Undo (<b>u</b>).
          </Text>
          {error && (
            <Alert color="orange" variant="light" role="alert">
              {error}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              Cancel
            </Button>
            <Button color="teal" loading={busy} disabled={!count} onClick={() => void confirm()}>
              Merge {count} {count === 1 ? 'pair' : 'pairs'}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
