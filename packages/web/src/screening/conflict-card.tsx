import {
  Badge,
  Button,
  Collapse,
  Group,
  MultiSelect,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { mayDo } from '@weft/core';
import type { ConflictView, DecisionView, ScreeningDecision, StageView } from '@weft/protocol';
import { useState } from 'react';
import { sendCommand } from '../api/commands';
import { errorMessage } from '../api/problem';
import { useProject } from '../project/project-context';
import { useCurrentUser } from '../session/session-context';
import { RelativeTime } from '../ui/relative-time';
import { DecisionBadge } from './decision-badge';
import { compileKeywords } from './highlight-keywords';
import { HighlightedText } from './highlighted-text';
import { reasonLabels } from './history-drawer';
import { DECISION_COLOR } from './stage-labels';

function DecisionColumn({ decision, stage }: { decision: DecisionView; stage: StageView }) {
  return (
    <Paper
      withBorder
      radius="md"
      p="sm"
      style={{ borderLeft: `4px solid var(--mantine-color-${DECISION_COLOR[decision.decision]}-5)` }}
      data-testid="conflict-decision"
    >
      <Group justify="space-between" mb={4}>
        <Text fz="sm" fw={600}>
          {decision.reviewerName}
        </Text>
        <DecisionBadge decision={decision.decision} />
      </Group>
      {decision.reasonIds.length > 0 && (
        <Text fz="sm">{reasonLabels(stage.reasons, decision.reasonIds).join('; ')}</Text>
      )}
      {decision.note && (
        <Text fz="sm" c="dimmed" mt={2}>
          “{decision.note}”
        </Text>
      )}
      <RelativeTime iso={decision.at} />
    </Paper>
  );
}

/** One conflict: the record, both decisions side by side, and the way to resolve it. */
export function ConflictCard({
  conflict,
  stage,
  onResolved,
}: {
  conflict: ConflictView;
  stage: StageView;
  onResolved: () => void;
}) {
  const { projectId, role, members } = useProject();
  const me = useCurrentUser();
  const lead = mayDo(role, 'screening.read-all-decisions');
  const ownDecision = conflict.decisions.some((d) => d.reviewerId === me.id);
  const mayThird = mayDo(role, 'screening.resolve') && !ownDecision;
  const [method, setMethod] = useState<'consensus' | 'third-reviewer'>(lead ? 'consensus' : 'third-reviewer');
  const [decision, setDecision] = useState<ScreeningDecision | null>(null);
  const [reasonIds, setReasonIds] = useState<string[]>([]);
  const [participants, setParticipants] = useState<string[]>(
    Array.from(new Set([...conflict.decisions.map((d) => d.reviewerId), me.id])),
  );
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [showAbstract, setShowAbstract] = useState(false);
  const keywords = compileKeywords(stage.includeKeywords, stage.excludeKeywords);
  const record = conflict.record;
  const needsReason = decision === 'exclude' && stage.reasonRequired && reasonIds.length === 0;

  const resolve = async () => {
    if (!decision) return;
    setBusy(true);
    try {
      await sendCommand(
        'screening.resolve',
        {
          stageId: stage.id,
          recordId: record.recordId,
          method,
          decision,
          reasonIds: decision === 'exclude' ? reasonIds : [],
          participantIds: method === 'consensus' ? participants : [],
          note,
        },
        projectId,
      );
      notifications.show({ color: 'teal', message: 'Conflict resolved.', autoClose: 2000 });
      onResolved();
    } catch (error) {
      notifications.show({ color: 'red', title: 'Not resolved', message: errorMessage(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper withBorder radius="md" p="lg" data-testid="conflict-card" data-record-id={record.recordId}>
      <Stack gap="md">
        <Stack gap={4}>
          <Group justify="space-between" align="flex-start" wrap="nowrap">
            <Title order={3} fz="md" lh={1.4}>
              <HighlightedText text={record.title || '(no title)'} keywords={keywords} />
            </Title>
            {conflict.resolution ? (
              <Badge color="teal" variant="light">
                Resolved
              </Badge>
            ) : (
              <Badge color="orange">Open</Badge>
            )}
          </Group>
          <Text fz="xs" c="dimmed">
            {[record.authors.slice(0, 3).join('; '), record.container, record.year]
              .filter(Boolean)
              .join(' · ')}
          </Text>
          {record.abstract && (
            <>
              <Button
                variant="subtle"
                size="compact-xs"
                onClick={() => setShowAbstract((v) => !v)}
                w="fit-content"
              >
                {showAbstract ? 'Hide abstract' : 'Show abstract'}
              </Button>
              <Collapse expanded={showAbstract}>
                <Text fz="sm" lh={1.65} maw="72ch">
                  <HighlightedText text={record.abstract} keywords={keywords} />
                </Text>
              </Collapse>
            </>
          )}
        </Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          {conflict.decisions.map((d) => (
            <DecisionColumn key={d.id} decision={d} stage={stage} />
          ))}
        </SimpleGrid>
        {conflict.resolution ? (
          <Text fz="sm" data-testid="conflict-resolution">
            Resolved by {conflict.resolution.method === 'consensus' ? 'consensus' : 'a third reviewer'}:{' '}
            <DecisionBadge decision={conflict.resolution.decision} size="sm" />
          </Text>
        ) : lead || mayThird ? (
          <Stack gap="sm" data-testid="conflict-resolve">
            <Group gap="sm" align="flex-end">
              {lead && (
                <SegmentedControl
                  aria-label="How it was resolved"
                  value={method}
                  onChange={(v) => setMethod(v as 'consensus' | 'third-reviewer')}
                  data={[
                    { value: 'consensus', label: 'Consensus' },
                    { value: 'third-reviewer', label: 'As third reviewer', disabled: ownDecision },
                  ]}
                />
              )}
              <SegmentedControl
                aria-label="Agreed decision"
                value={decision ?? ''}
                onChange={(v) => setDecision(v as ScreeningDecision)}
                data={[
                  { value: 'include', label: 'Include' },
                  { value: 'maybe', label: 'Maybe' },
                  { value: 'exclude', label: 'Exclude' },
                ]}
                color={decision ? DECISION_COLOR[decision] : undefined}
              />
            </Group>
            {decision === 'exclude' && stage.reasons.length > 0 && (
              <MultiSelect
                label={stage.reasonRequired ? 'Reasons (required)' : 'Reasons'}
                data={stage.reasons.map((r) => ({ value: r.id, label: r.label }))}
                value={reasonIds}
                onChange={setReasonIds}
                maw={520}
              />
            )}
            {method === 'consensus' && (
              <MultiSelect
                label="Who took part"
                data={(members ?? []).map((m) => ({ value: m.userId, label: m.displayName }))}
                value={participants}
                onChange={setParticipants}
                maw={520}
              />
            )}
            <Textarea
              label="Note"
              placeholder="Why this decision (optional)"
              autosize
              minRows={1}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
              maw={520}
            />
            <Group>
              <Button onClick={() => void resolve()} loading={busy} disabled={!decision || needsReason}>
                Record the {method === 'consensus' ? 'consensus' : 'decision'}
              </Button>
              {needsReason && (
                <Text fz="xs" c="red.7">
                  This stage needs a reason for every exclusion.
                </Text>
              )}
            </Group>
          </Stack>
        ) : (
          <Text fz="sm" c="dimmed">
            {ownDecision
              ? 'You made one of these decisions: the lead (by consensus) or a third reviewer resolves it.'
              : 'Reviewers and leads resolve conflicts.'}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
