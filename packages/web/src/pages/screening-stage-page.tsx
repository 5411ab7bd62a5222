import { Alert, Button, Card, Grid, Group, Kbd, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { IconCircleCheck, IconKeyboard, IconLock } from '@tabler/icons-react';
import { mayDo } from '@weft/core';
import type { ScreeningDecision, StageView } from '@weft/protocol';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { FullTextPanel } from '../fulltext/full-text-panel';
import { isFullTextStage } from '../fulltext/fulltext-api';
import { usePrefetchFullText } from '../fulltext/use-prefetch-full-text';
import { useProject } from '../project/project-context';
import { CriteriaPanel } from '../screening/criteria-panel';
import { DecisionBar } from '../screening/decision-bar';
import { ReasonPicker } from '../screening/reason-picker';
import { RecordView } from '../screening/record-view';
import { hasOpenDialog, isTypingTarget, screeningKeyAction } from '../screening/screening-keys';
import { ScreeningKeysModal } from '../screening/screening-keys-modal';
import { ScreeningStatus } from '../screening/screening-status';
import { StageFrame } from '../screening/stage-frame';
import { stagePath } from '../screening/stage-labels';
import { useScreeningQueue } from '../screening/use-screening-queue';
import { LoadError } from '../ui/load-error';

/** The screening screen of one stage: one record at a time, keyboard first. */
export function ScreeningStagePage() {
  const { stageKey = '' } = useParams();
  return (
    <StageFrame stageKey={stageKey} tab="screen">
      {(stage) => <ScreeningScreen key={stage.id} stage={stage} />}
    </StageFrame>
  );
}

function SidePanel({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Paper withBorder radius="md" p="md">
      <Text fz="xs" fw={700} tt="uppercase" c="dimmed" mb="sm" style={{ letterSpacing: '0.06em' }}>
        {title}
      </Text>
      {children}
    </Paper>
  );
}

function ScreeningScreen({ stage }: { stage: StageView }) {
  const { projectId, role } = useProject();
  const queue = useScreeningQueue(projectId, stage);
  const [selected, setSelected] = useState<string[]>([]);
  const [asking, setAsking] = useState(false);
  const [showKeys, setShowKeys] = useState(false);
  const [note, setNote] = useState('');
  const noteRef = useRef<HTMLInputElement>(null);
  const current = queue.state.queue[0];
  const fullText = isFullTextStage(stage);
  usePrefetchFullText(projectId, queue.state.queue[1]?.recordId, fullText);
  const mayDecide = mayDo(role, 'screening.decide') && stage.status === 'open';
  const canUndo = mayDecide && queue.state.made.length > 0;

  const decide = useCallback(
    (decision: ScreeningDecision) => {
      if (!current || !mayDecide) return;
      const reasonIds = decision === 'exclude' ? selected : [];
      if (
        decision === 'exclude' &&
        stage.reasonRequired &&
        reasonIds.length === 0 &&
        stage.reasons.length > 0
      ) {
        setAsking(true);
        return;
      }
      queue.decide(decision, reasonIds, note.trim());
      setSelected([]);
      setNote('');
      setAsking(false);
    },
    [current, mayDecide, selected, note, stage.reasonRequired, stage.reasons.length, queue],
  );

  const undo = useCallback(() => {
    if (!mayDecide) return;
    const last = queue.undo();
    setAsking(false);
    setSelected(last && last.decision === 'exclude' ? last.reasonIds : []);
    setNote(last?.note ?? '');
  }, [mayDecide, queue]);

  const toggle = useCallback((reasonId: string) => {
    setSelected((list) =>
      list.includes(reasonId) ? list.filter((r) => r !== reasonId) : [...list, reasonId],
    );
  }, []);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (showKeys) return;
      const action = screeningKeyAction(event, isTypingTarget(event.target));
      if (!action) return;
      // Mantine modals and popovers elsewhere on the page keep their own keys while open.
      if (hasOpenDialog()) return;
      if (action.kind === 'help') setShowKeys(true);
      else if (action.kind === 'decide') decide(action.decision);
      else if (action.kind === 'undo') undo();
      else if (action.kind === 'note') {
        if (!mayDecide || !current) return;
        noteRef.current?.focus();
      } else if (action.kind === 'toggle-reason') {
        const reason = stage.reasons.find((r) => r.position === action.position);
        if (!reason || !current) return;
        toggle(reason.id);
      } else if (action.kind === 'confirm') {
        if (!asking) return;
        decide('exclude');
      } else if (action.kind === 'cancel') {
        if (!asking) return;
        setAsking(false);
      }
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [showKeys, decide, undo, toggle, stage.reasons, current, asking, mayDecide]);

  const sidePanels = (
    <Stack gap="md">
      <SidePanel title={stage.reasonRequired ? 'Exclusion reasons (required)' : 'Exclusion reasons'}>
        <ReasonPicker
          reasons={stage.reasons}
          selected={selected}
          onToggle={toggle}
          asking={asking}
          disabled={!mayDecide}
        />
      </SidePanel>
      <SidePanel title="Criteria">
        <CriteriaPanel criteria={stage.criteria} />
      </SidePanel>
      {(stage.includeKeywords.length > 0 || stage.excludeKeywords.length > 0) && (
        <SidePanel title="Highlighted keywords">
          <KeywordLegend include={stage.includeKeywords} exclude={stage.excludeKeywords} />
        </SidePanel>
      )}
    </Stack>
  );

  const keysButton = (
    <Button
      variant="subtle"
      size="xs"
      leftSection={<IconKeyboard size={16} />}
      onClick={() => setShowKeys(true)}
    >
      Keys{' '}
      <Kbd ml={6} size="xs">
        ?
      </Kbd>
    </Button>
  );

  return (
    <Stack gap="md">
      <ScreeningStatus progress={queue.progress} model={queue.model} order={queue.order} />
      {stage.status !== 'open' && (
        <Alert color="gray" icon={<IconLock size={18} />} title={`This stage is ${stage.status}`}>
          Decisions are no longer taken here. The lead can reopen the stage from its settings.
        </Alert>
      )}
      {!mayDo(role, 'screening.decide') && (
        <Alert color="gray" variant="light">
          You are a viewer on this project: reviewers and above screen records.
        </Alert>
      )}
      {queue.error !== undefined && !current ? (
        <LoadError error={queue.error} what="your screening queue" onRetry={queue.refresh} />
      ) : !queue.state.loaded ? (
        <Group justify="center" py="xl">
          <Loader aria-label="Loading records" />
        </Group>
      ) : !current ? (
        <Card withBorder radius="md" p="xl" data-testid="screening-done">
          <Stack align="center" gap="xs" ta="center">
            <IconCircleCheck size={40} stroke={1.4} color="var(--mantine-color-teal-6)" />
            <Title order={2} fz="h4">
              Your queue is empty
            </Title>
            <Text c="dimmed" fz="sm" maw={520}>
              You have decided every record this stage asks of you. Records may come back here when new ones
              are imported or when the stage needs a second reviewer.
            </Text>
            <Group>
              {canUndo && (
                <Button variant="default" onClick={undo}>
                  Undo the last decision
                </Button>
              )}
              {queue.progress && queue.progress.conflicts > 0 && (
                <Button
                  component={Link}
                  to={stagePath(projectId, stage.key, 'conflicts')}
                  variant="light"
                  color="orange"
                >
                  {queue.progress.conflicts} {queue.progress.conflicts === 1 ? 'conflict' : 'conflicts'} to
                  resolve
                </Button>
              )}
              <Button component={Link} to={stagePath(projectId, stage.key, 'list')} variant="light">
                See the records
              </Button>
            </Group>
          </Stack>
        </Card>
      ) : (
        <Grid gap="md">
          <Grid.Col span={{ base: 12, lg: fullText ? 5 : 8 }}>
            <Stack gap="md">
              <Group justify="space-between" gap="xs">
                <DecisionBar
                  onDecide={decide}
                  onUndo={undo}
                  canUndo={canUndo}
                  disabled={!mayDecide}
                  note={note}
                  onNoteChange={setNote}
                  noteRef={noteRef}
                  compact={fullText}
                />
              </Group>
              {asking && (
                <Alert color="red" variant="light" data-testid="reason-needed" title="Why exclude it?">
                  This stage records a reason for every exclusion. Pick one or more (keys 1–9), then press{' '}
                  <Kbd size="xs">Enter</Kbd> or <Kbd size="xs">e</Kbd>. <Kbd size="xs">Esc</Kbd> cancels.
                </Alert>
              )}
              <RecordView
                record={current}
                includeKeywords={stage.includeKeywords}
                excludeKeywords={stage.excludeKeywords}
                showDual={stage.mode === 'sample'}
              />
              <Group justify="space-between">
                <Text fz="xs" c="dimmed">
                  {queue.state.queue.length > 1
                    ? `${queue.state.queue.length - 1} more loaded`
                    : queue.exhausted
                      ? 'The last record in your queue'
                      : 'Loading the next records…'}
                  {current.score !== null && ` · relevance ${(current.score * 100).toFixed(0)}%`}
                </Text>
                {keysButton}
              </Group>
              {fullText && sidePanels}
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: fullText ? 7 : 4 }}>
            {fullText ? (
              <div style={{ position: 'sticky', top: 8 }}>
                <FullTextPanel
                  key={current.recordId}
                  recordId={current.recordId}
                  stageId={stage.id}
                  height="calc(100vh - 190px)"
                />
              </div>
            ) : (
              sidePanels
            )}
          </Grid.Col>
        </Grid>
      )}
      <ScreeningKeysModal opened={showKeys} onClose={() => setShowKeys(false)} />
    </Stack>
  );
}

function KeywordLegend({ include, exclude }: { include: string[]; exclude: string[] }) {
  const chip = (word: string, kind: 'include' | 'exclude') => (
    <Text
      key={`${kind}-${word}`}
      span
      fz="xs"
      px={6}
      py={1}
      mr={4}
      mb={4}
      style={{
        display: 'inline-block',
        borderRadius: 4,
        background: `var(--mantine-color-${kind === 'include' ? 'teal' : 'red'}-1)`,
        color: `var(--mantine-color-${kind === 'include' ? 'teal' : 'red'}-9)`,
      }}
    >
      {word}
    </Text>
  );
  return (
    <Stack gap={6}>
      {include.length > 0 && <div>{include.map((w) => chip(w, 'include'))}</div>}
      {exclude.length > 0 && <div>{exclude.map((w) => chip(w, 'exclude'))}</div>}
    </Stack>
  );
}
