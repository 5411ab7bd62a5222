import {
  Badge,
  Card,
  Checkbox,
  Group,
  Loader,
  Pagination,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { mayDo } from '@weft/core';
import type {
  ScreeningDecision,
  ScreeningListItemView,
  ScreeningRecordView,
  StageView,
} from '@weft/protocol';
import { useRef, useState } from 'react';
import { useParams } from 'react-router';
import { type ScreeningListQuery, screeningApi } from '../api/screening';
import { useResource } from '../api/use-resource';
import { isFullTextStage } from '../fulltext/fulltext-api';
import { useFullTextRecords } from '../fulltext/use-full-text-records';
import { useProject } from '../project/project-context';
import { DecisionBadge } from '../screening/decision-badge';
import { HistoryDrawer, reasonLabels } from '../screening/history-drawer';
import { StageFrame } from '../screening/stage-frame';
import { useScreeningEvents } from '../screening/use-screening-events';
import { LoadError } from '../ui/load-error';

const PAGE_SIZE = 50;
type DecisionFilter = 'all' | ScreeningDecision | 'undecided';

/** Every eligible record of a stage with its decisions, filtered; a click opens its history. */
export function ScreeningListPage() {
  const { stageKey = '' } = useParams();
  return (
    <StageFrame stageKey={stageKey} tab="list">
      {(stage) => <ScreeningList key={stage.id} stage={stage} />}
    </StageFrame>
  );
}

function ScreeningList({ stage }: { stage: StageView }) {
  const { projectId, role, members } = useProject();
  const [text, setText] = useState('');
  const [q] = useDebouncedValue(text.trim(), 300);
  const [decision, setDecision] = useState<DecisionFilter>('all');
  const [conflictOnly, setConflictOnly] = useState(false);
  const [reviewerId, setReviewerId] = useState<string | null>(null);
  const [reasonId, setReasonId] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<ScreeningRecordView | null>(null);
  const lead = mayDo(role, 'screening.read-all-decisions');

  const query: ScreeningListQuery = {
    offset: (page - 1) * PAGE_SIZE,
    limit: PAGE_SIZE,
    ...(decision !== 'all' ? { decision } : {}),
    ...(conflictOnly ? { conflict: 'true' as const } : {}),
    ...(reviewerId ? { reviewerId } : {}),
    ...(reasonId ? { reasonId } : {}),
    ...(q ? { q } : {}),
  };
  const key = `${stage.id}|${JSON.stringify(query)}`;
  const list = useResource(key, () => screeningApi.records(projectId, stage.id, query));
  const withPdf = useFullTextRecords(projectId, isFullTextStage(stage));
  const { reload } = list;
  useScreeningEvents(() => void reload());

  const last = useRef(list.data);
  if (list.data) last.current = list.data;
  const shown = list.data ?? last.current;
  const total = shown?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const refilter =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      set(value);
      setPage(1);
    };

  return (
    <Stack gap="sm">
      <Group gap="sm" align="flex-end">
        <TextInput
          aria-label="Search records"
          placeholder="Search titles and abstracts…"
          leftSection={<IconSearch size={16} />}
          value={text}
          onChange={(event) => {
            setText(event.currentTarget.value);
            setPage(1);
          }}
          style={{ flex: 1, minWidth: 220 }}
        />
        <SegmentedControl
          aria-label="Decision"
          value={decision}
          onChange={(value) => refilter(setDecision)(value as DecisionFilter)}
          data={[
            { value: 'all', label: 'All' },
            { value: 'include', label: 'Included' },
            { value: 'exclude', label: 'Excluded' },
            { value: 'maybe', label: 'Maybe' },
            { value: 'undecided', label: 'Undecided' },
          ]}
        />
      </Group>
      <Group gap="sm">
        {lead && (
          <Select
            aria-label="Reviewer"
            placeholder="Any reviewer"
            clearable
            data={(members ?? []).map((m) => ({ value: m.userId, label: m.displayName }))}
            value={reviewerId}
            onChange={refilter(setReviewerId)}
            w={200}
          />
        )}
        <Select
          aria-label="Exclusion reason"
          placeholder="Any reason"
          clearable
          data={stage.reasons.map((r) => ({ value: r.id, label: r.label }))}
          value={reasonId}
          onChange={refilter(setReasonId)}
          w={240}
        />
        <Checkbox
          label="Conflicts only"
          checked={conflictOnly}
          onChange={(event) => refilter(setConflictOnly)(event.currentTarget.checked)}
        />
      </Group>
      {list.error !== undefined && !list.data ? (
        <LoadError error={list.error} what="the records" onRetry={reload} />
      ) : !shown ? (
        <Loader aria-label="Loading records" />
      ) : shown.items.length === 0 ? (
        <Card withBorder radius="md" p="xl" ta="center" data-testid="screening-list-empty">
          <Text fw={600}>No records match</Text>
          <Text fz="sm" c="dimmed">
            Change the search text or the filters.
          </Text>
        </Card>
      ) : (
        <>
          <Card withBorder radius="md" p={0}>
            <Table highlightOnHover verticalSpacing="sm" data-testid="screening-list">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Record</Table.Th>
                  <Table.Th w={120}>Mine</Table.Th>
                  <Table.Th w={220}>Reviewers</Table.Th>
                  <Table.Th w={120}>Final</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {shown.items.map((item) => (
                  <Row
                    key={item.record.recordId}
                    item={item}
                    stage={stage}
                    hasPdf={withPdf?.has(item.record.recordId)}
                    onOpen={() => setOpen(item.record)}
                  />
                ))}
              </Table.Tbody>
            </Table>
          </Card>
          <Group justify="space-between">
            <Text fz="sm" c="dimmed" data-testid="screening-list-total">
              {total.toLocaleString()} {total === 1 ? 'record' : 'records'}
            </Text>
            {pages > 1 && <Pagination total={pages} value={page} onChange={setPage} size="sm" />}
          </Group>
        </>
      )}
      <HistoryDrawer stage={stage} record={open} onClose={() => setOpen(null)} />
    </Stack>
  );
}

function Row({
  item,
  stage,
  onOpen,
  hasPdf,
}: {
  item: ScreeningListItemView;
  stage: StageView;
  onOpen: () => void;
  /** At full text: whether a PDF is attached (undefined at other stages). */
  hasPdf?: boolean;
}) {
  const { record, myDecision, decisions, finalDecision, conflict } = item;
  // Notes the asker may see: their own, and everyone's once decisions are shown (blinding holds).
  const notes = [...(decisions ?? (myDecision ? [myDecision] : []))]
    .filter((d) => d.note.trim() !== '')
    .map((d) => ({ id: d.id, note: d.note, who: d.id === myDecision?.id ? 'You' : d.reviewerName }));
  return (
    <Table.Tr onClick={onOpen} style={{ cursor: 'pointer' }} data-testid="screening-list-row">
      <Table.Td>
        <Text fz="sm" fw={500} lineClamp={2}>
          {hasPdf !== undefined && (
            <Badge
              size="xs"
              variant={hasPdf ? 'light' : 'outline'}
              color={hasPdf ? 'red' : 'gray'}
              mr={6}
              style={{ verticalAlign: 1 }}
              data-testid={hasPdf ? 'screening-list-pdf' : 'screening-list-no-pdf'}
            >
              {hasPdf ? 'PDF' : 'No PDF'}
            </Badge>
          )}
          {record.title || '(no title)'}
        </Text>
        <Text fz="xs" c="dimmed" lineClamp={1}>
          {[
            record.authors[0] ? `${record.authors[0]}${record.authors.length > 1 ? ' et al.' : ''}` : null,
            record.container,
            record.year,
          ]
            .filter(Boolean)
            .join(' · ')}
        </Text>
        {notes.map((n) => (
          <Text key={n.id} fz="xs" fs="italic" c="dark.4" lineClamp={2} data-testid="screening-list-note">
            {n.who}: “{n.note}”
          </Text>
        ))}
      </Table.Td>
      <Table.Td>
        {myDecision ? (
          <Tooltip
            label={reasonLabels(stage.reasons, myDecision.reasonIds).join('; ') || 'No reason given'}
            disabled={myDecision.decision !== 'exclude'}
          >
            <span>
              <DecisionBadge decision={myDecision.decision} size="sm" />
            </span>
          </Tooltip>
        ) : (
          <Text fz="xs" c="dimmed">
            —
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        {decisions === null ? (
          <Text fz="xs" c="dimmed">
            Blinded
          </Text>
        ) : decisions.length === 0 ? (
          <Text fz="xs" c="dimmed">
            None yet
          </Text>
        ) : (
          <Stack gap={2}>
            {decisions.map((d) => (
              <Group key={d.id} gap={6} wrap="nowrap">
                <DecisionBadge decision={d.decision} size="xs" />
                <Text fz="xs" truncate>
                  {d.reviewerName}
                </Text>
              </Group>
            ))}
          </Stack>
        )}
      </Table.Td>
      <Table.Td>
        <Group gap={4}>
          {finalDecision ? <DecisionBadge decision={finalDecision} size="sm" /> : null}
          {conflict && (
            <Badge size="sm" color="orange" variant="filled">
              Conflict
            </Badge>
          )}
          {!finalDecision && !conflict && (
            <Text fz="xs" c="dimmed">
              —
            </Text>
          )}
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}
