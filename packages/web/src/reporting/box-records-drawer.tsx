import {
  Alert,
  Badge,
  Center,
  Divider,
  Drawer,
  Group,
  Loader,
  Pagination,
  SegmentedControl,
  Select,
  Stack,
  Text,
} from '@mantine/core';
import type { PrismaResponse } from '@weft/protocol';
import { useEffect, useState } from 'react';
import { LoadError } from '../ui/load-error';
import { type BoxPart, boxParts, COUNT_ONLY, partCount } from './prisma-boxes';
import { RecordLine } from './record-line';
import { StudyBadge, StudyOtherReports } from './study-note';
import { BOX_PAGE_SIZE, usePagedBoxRecords } from './use-paged-box-records';

/** What the drawer shows: a drawn box of the diagram, or a warning's records. */
export type DrawerTarget = { kind: 'box'; key: string } | { kind: 'warning'; code: string; message: string };

const ALL = '\u0000all';

function RecordsPage({
  projectId,
  box,
  name,
  version,
}: {
  projectId: string;
  box: string;
  name: string | undefined;
  version: number;
}) {
  const [page, setPage] = useState(1);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new box or entry starts at its first page
  useEffect(() => setPage(1), [box, name]);
  const records = usePagedBoxRecords(projectId, box, name, page, version);
  if (records.error) return <LoadError error={records.error} what="these records" onRetry={records.reload} />;
  if (!records.data)
    return (
      <Center py="xl">
        <Loader aria-label="Loading records" />
      </Center>
    );
  const { total, studies } = records.data;
  const pages = Math.max(1, Math.ceil(total / BOX_PAGE_SIZE));
  // The studies boxes list one line per study, named by its primary report.
  const studyBox = box === 'new_studies' || box === 'total_studies';
  const noun = studyBox ? (total === 1 ? 'study' : 'studies') : total === 1 ? 'record' : 'records';
  return (
    <Stack gap="sm">
      <Text fz="sm" c="dimmed" aria-live="polite">
        {total === 0
          ? 'No records behind this number.'
          : `${total} ${noun}${pages > 1 ? `, page ${page} of ${pages}` : ''}`}
      </Text>
      <Stack gap="xs" data-testid="box-records">
        {records.data.records.map((view) => {
          const study = studies?.[view.id];
          return (
            <div key={view.id}>
              <RecordLine view={view} />
              {study && studyBox && <StudyOtherReports study={study} />}
              {study && !studyBox && <StudyBadge study={study} recordId={view.id} />}
              <Divider mt="xs" />
            </div>
          );
        })}
      </Stack>
      {pages > 1 && <Pagination total={pages} value={page} onChange={setPage} size="sm" />}
    </Stack>
  );
}

function PartPicker({
  flow,
  parts,
  part,
  onPart,
}: {
  flow: PrismaResponse;
  parts: BoxPart[];
  part: BoxPart;
  onPart: (part: BoxPart) => void;
}) {
  if (parts.length < 2) return null;
  return (
    <SegmentedControl
      fullWidth
      orientation={parts.length > 2 ? 'vertical' : 'horizontal'}
      value={part.key}
      onChange={(key) => {
        const chosen = parts.find((p) => p.key === key);
        if (chosen) onPart(chosen);
      }}
      data={parts.map((p) => ({ value: p.key, label: `${p.label} (${partCount(flow, p)})` }))}
    />
  );
}

/** The records behind a box: pick one of its numbers (and, for a list, one database or reason), paged. */
export function BoxRecordsDrawer({
  projectId,
  flow,
  target,
  version,
  onClose,
}: {
  projectId: string;
  flow: PrismaResponse;
  target: DrawerTarget | null;
  version: number;
  onClose: () => void;
}) {
  const parts = target?.kind === 'box' ? (boxParts(target.key) ?? []) : [];
  const [partKey, setPartKey] = useState<string | null>(null);
  const [entry, setEntry] = useState<string>(ALL);
  const targetKey = target ? (target.kind === 'box' ? target.key : target.code) : null;
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset the choice when another box is opened
  useEffect(() => {
    setPartKey(null);
    setEntry(ALL);
  }, [targetKey]);

  const part = parts.find((p) => p.key === partKey) ?? parts[0];
  const entries = part?.kind === 'list' ? flow.lists[part.key] : [];
  const title =
    target?.kind === 'warning' ? 'Records behind a warning' : parts.length > 0 ? parts[0]?.label : 'Records';

  let body = null;
  if (target?.kind === 'warning') {
    body = (
      <Stack gap="md">
        <Alert color="yellow" variant="light">
          {target.message}
        </Alert>
        <RecordsPage projectId={projectId} box={target.code} name={undefined} version={version} />
      </Stack>
    );
  } else if (part) {
    body = (
      <Stack gap="md">
        <PartPicker
          flow={flow}
          parts={parts}
          part={part}
          onPart={(p) => {
            setPartKey(p.key);
            setEntry(ALL);
          }}
        />
        {part.kind === 'list' && (
          <Select
            label={part.key.endsWith('_excluded') ? 'Exclusion reason' : 'Search'}
            value={entry}
            onChange={(value) => setEntry(value ?? ALL)}
            allowDeselect={false}
            data={[
              { value: ALL, label: `All (${partCount(flow, part)})` },
              ...entries.map((e) => ({ value: e.name, label: `${e.name} (${e.count})` })),
            ]}
          />
        )}
        {COUNT_ONLY.has(part.key) ? (
          <Group gap="xs">
            <Badge variant="light" color="gray">
              {flow.counts[part.key as 'previous_studies']}
            </Badge>
            <Text fz="sm" c="dimmed">
              Typed in for the previous version of the review: there are no records behind this number. The
              lead edits it under Diagram settings.
            </Text>
          </Group>
        ) : (
          <RecordsPage
            projectId={projectId}
            box={part.key}
            name={part.kind === 'list' && entry !== ALL ? entry : undefined}
            version={version}
          />
        )}
      </Stack>
    );
  }

  return (
    <Drawer opened={target !== null} onClose={onClose} position="right" size="lg" title={title}>
      {body}
    </Drawer>
  );
}
