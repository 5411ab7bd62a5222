import { Alert, Badge, Button, Card, Group, Kbd, List, Loader, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconArrowBackUp,
  IconArrowLeft,
  IconArrowRight,
  IconCircleCheck,
  IconGitMerge,
  IconKeyboard,
  IconX,
} from '@tabler/icons-react';
import { mayDo } from '@weft/core';
import type { DuplicateCandidateView } from '@weft/protocol';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { sendCommand } from '../api/commands';
import { identificationApi } from '../api/identification';
import { errorMessage } from '../api/problem';
import { useResource } from '../api/use-resource';
import { BulkAcceptControl, type BulkResult } from '../identification/bulk-accept-control';
import { DuplicateKeysModal } from '../identification/duplicate-keys-modal';
import { RecordComparison } from '../identification/record-comparison';
import { useIdentificationEvents } from '../identification/use-identification-events';
import { can } from '../project/permissions';
import { useProject } from '../project/project-context';
import { ProjectGate } from '../project/project-gate';
import { LoadError } from '../ui/load-error';
import { PageHeader } from '../ui/page-header';

/** What Undo takes back, most recent last: one answer, or one bulk merge as a whole. */
type Answer =
  | { kind: 'duplicate'; groupId: string; candidateId: string }
  | { kind: 'not-duplicate'; candidateId: string; recordIds: [string, string] }
  | { kind: 'bulk'; batchId: string; pairs: number };

function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
  );
}

export function DuplicatesPage() {
  const { projectId, role } = useProject();
  const pending = useResource(projectId, () => identificationApi.duplicates(projectId, 'pending'));
  const [index, setIndex] = useState(0);
  const [busy, setBusy] = useState(false);
  const [history, setHistory] = useState<Answer[]>([]);
  const [showKeys, setShowKeys] = useState(false);
  // Keep the same pair on screen when the list reloads under it (someone else answered one).
  const currentId = useRef<string | null>(null);

  const candidates = pending.data?.candidates ?? [];
  const total = pending.data?.total ?? 0;
  const current: DuplicateCandidateView | undefined = candidates[Math.min(index, candidates.length - 1)];
  const mayAnswer = can(role, 'duplicates.answer');
  const mayBulk = mayDo(role, 'dedup.merge-above-score');

  const onBulkMerged = (result: BulkResult) => {
    currentId.current = null;
    setHistory((h) => [...h, { kind: 'bulk', batchId: result.batchId, pairs: result.pairsMerged }]);
    notifications.show({
      color: 'teal',
      title: `${result.pairsMerged} ${result.pairsMerged === 1 ? 'pair' : 'pairs'} merged`,
      message:
        result.pairsSkipped > 0
          ? `${result.pairsSkipped} stayed in the queue: merging them would join records kept apart. Undo (u) takes the batch back.`
          : 'Undo (u) takes the whole batch back.',
    });
    void pending.reload();
  };

  useEffect(() => {
    const list = pending.data?.candidates ?? [];
    const keep = currentId.current ? list.findIndex((c) => c.id === currentId.current) : -1;
    if (keep >= 0) setIndex(keep);
    else setIndex((i) => Math.max(0, Math.min(i, list.length - 1)));
  }, [pending.data]);
  useEffect(() => {
    currentId.current = current?.id ?? null;
  }, [current]);

  const reload = pending.reload;
  useIdentificationEvents(() => void reload());

  const answer = useCallback(
    async (kind: 'duplicate' | 'not-duplicate') => {
      if (!current || busy || !mayAnswer) return;
      setBusy(true);
      // The answered pair leaves the queue; the next one takes its place at this index.
      currentId.current = null;
      try {
        const ids: [string, string] = [current.a.id, current.b.id];
        if (kind === 'duplicate') {
          const { result } = await sendCommand('dedup.merge', { recordIds: ids }, projectId);
          setHistory((h) => [...h, { kind: 'duplicate', groupId: result.groupId, candidateId: current.id }]);
          notifications.show({
            color: 'teal',
            message: 'Merged: the two records are now one.',
            autoClose: 2000,
          });
        } else {
          await sendCommand('dedup.mark-not-duplicate', { recordIds: ids }, projectId);
          setHistory((h) => [...h, { kind: 'not-duplicate', candidateId: current.id, recordIds: ids }]);
          notifications.show({
            color: 'teal',
            message: 'Kept apart: Weft will not suggest this pair again.',
          });
        }
      } catch (error) {
        currentId.current = current.id;
        notifications.show({ color: 'red', title: 'Not answered', message: errorMessage(error) });
      } finally {
        setBusy(false);
        await reload();
      }
    },
    [current, busy, mayAnswer, projectId, reload],
  );

  const undo = useCallback(async () => {
    const last = history[history.length - 1];
    if (!last || busy) {
      if (!last) notifications.show({ color: 'gray', message: 'Nothing to undo.' });
      return;
    }
    setBusy(true);
    try {
      if (last.kind === 'bulk') {
        const { result } = await sendCommand('dedup.undo-merge-batch', { batchId: last.batchId }, projectId);
        currentId.current = null;
        notifications.show({
          color: 'teal',
          message: `Bulk merge undone: ${result.pairsReturned} ${result.pairsReturned === 1 ? 'pair is' : 'pairs are'} back in the queue.`,
          autoClose: 3000,
        });
      } else {
        if (last.kind === 'duplicate')
          await sendCommand('dedup.unmerge', { groupId: last.groupId }, projectId);
        else await sendCommand('dedup.unmark-not-duplicate', { recordIds: last.recordIds }, projectId);
        // The pair goes back to the queue: show it again.
        currentId.current = last.candidateId;
        notifications.show({
          color: 'teal',
          message:
            last.kind === 'duplicate'
              ? 'Unmerged: the pair is back in the queue.'
              : 'Answer taken back: the pair is back in the queue.',
          autoClose: 2000,
        });
      }
      setHistory((h) => h.slice(0, -1));
    } catch (error) {
      notifications.show({ color: 'red', title: 'Not undone', message: errorMessage(error) });
    } finally {
      setBusy(false);
      await reload();
    }
  }, [history, busy, projectId, reload]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      // The keys dialog is on top: answering behind it would surprise.
      if (showKeys || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      if (event.key === '?') setShowKeys(true);
      else if (event.key === 'd') void answer('duplicate');
      else if (event.key === 'n') void answer('not-duplicate');
      else if (event.key === 'u') void undo();
      else if (event.key === 'ArrowRight')
        setIndex((i) => Math.min(i + 1, Math.max(0, candidates.length - 1)));
      else if (event.key === 'ArrowLeft') setIndex((i) => Math.max(0, i - 1));
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [answer, undo, candidates.length, showKeys]);

  const position = current ? candidates.indexOf(current) : -1;

  return (
    <ProjectGate>
      {() => (
        <>
          <PageHeader
            title="Duplicates"
            description="Possible duplicates: pairs that look alike but not certainly the same study. Certain duplicates were merged automatically; every merge can be undone."
            actions={
              <Button
                variant="subtle"
                leftSection={<IconKeyboard size={16} />}
                onClick={() => setShowKeys(true)}
              >
                Keys
              </Button>
            }
          />
          {pending.error !== undefined && !pending.data ? (
            <LoadError error={pending.error} what="the duplicate queue" onRetry={reload} />
          ) : !pending.data ? (
            <Loader aria-label="Loading duplicates" />
          ) : !current ? (
            <Card withBorder radius="md" p="xl" data-testid="duplicates-empty">
              <Stack align="center" gap="xs" ta="center">
                <IconCircleCheck size={40} stroke={1.4} color="var(--mantine-color-teal-6)" />
                <Title order={2} fz="h4">
                  No pairs to review
                </Title>
                <Text c="dimmed" fz="sm" maw={480}>
                  Every possible duplicate has an answer. New imports add pairs once someone runs “Find
                  duplicates” on the identification page.
                </Text>
                <Group>
                  {history.length > 0 && mayAnswer && (
                    <Button
                      variant="default"
                      leftSection={<IconArrowBackUp size={16} />}
                      onClick={() => void undo()}
                    >
                      Undo the last answer
                    </Button>
                  )}
                  <Button component={Link} to={`/projects/${projectId}/identification`} variant="light">
                    Back to identification
                  </Button>
                </Group>
              </Stack>
            </Card>
          ) : (
            <Stack gap="md">
              <Group justify="space-between">
                <Group gap="sm">
                  <Text fw={600} data-testid="duplicates-position">
                    Pair {position + 1} of {total}
                  </Text>
                  <Badge variant="light" data-testid="duplicates-remaining">
                    {total} {total === 1 ? 'pair' : 'pairs'} left
                  </Badge>
                  <Badge variant="outline" color="gray" data-testid="duplicate-score">
                    score {Math.round(current.score * 100)}%
                  </Badge>
                </Group>
                <Group gap="xs">
                  <Button
                    variant="default"
                    size="xs"
                    leftSection={<IconArrowLeft size={14} />}
                    disabled={position <= 0}
                    onClick={() => setIndex(position - 1)}
                  >
                    Previous
                  </Button>
                  <Button
                    variant="default"
                    size="xs"
                    rightSection={<IconArrowRight size={14} />}
                    disabled={position >= candidates.length - 1}
                    onClick={() => setIndex(position + 1)}
                  >
                    Next
                  </Button>
                </Group>
              </Group>
              {mayBulk && (
                <BulkAcceptControl
                  projectId={projectId}
                  queueVersion={pending.data}
                  onMerged={onBulkMerged}
                />
              )}
              {'reasons' in current.evidence && current.evidence.reasons.length > 0 && (
                <Alert
                  color="yellow"
                  variant="light"
                  title="Why a person decides"
                  data-testid="duplicate-reasons"
                >
                  <List size="sm">
                    {current.evidence.reasons.map((reason) => (
                      <List.Item key={reason}>{reason}</List.Item>
                    ))}
                  </List>
                </Alert>
              )}
              {mayAnswer ? (
                <Group justify="space-between">
                  <Group gap="sm">
                    <Button
                      color="teal"
                      leftSection={<IconGitMerge size={16} />}
                      loading={busy}
                      onClick={() => void answer('duplicate')}
                    >
                      Duplicate <Kbd ml={8}>d</Kbd>
                    </Button>
                    <Button
                      variant="default"
                      leftSection={<IconX size={16} />}
                      disabled={busy}
                      onClick={() => void answer('not-duplicate')}
                    >
                      Not a duplicate <Kbd ml={8}>n</Kbd>
                    </Button>
                  </Group>
                  <Button
                    variant="subtle"
                    leftSection={<IconArrowBackUp size={16} />}
                    disabled={busy || history.length === 0}
                    onClick={() => void undo()}
                  >
                    Undo <Kbd ml={8}>u</Kbd>
                  </Button>
                </Group>
              ) : (
                <Text c="dimmed" fz="sm">
                  You are a viewer on this project: reviewers and above answer duplicate pairs.
                </Text>
              )}
              <RecordComparison candidate={current} />
            </Stack>
          )}
          <DuplicateKeysModal opened={showKeys} onClose={() => setShowKeys(false)} />
        </>
      )}
    </ProjectGate>
  );
}
