import {
  Button,
  Card,
  Group,
  Loader,
  NumberInput,
  Paper,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconSearch } from '@tabler/icons-react';
import { mayDo } from '@weft/core';
import type { RecordView } from '@weft/protocol';
import { useCallback, useMemo, useState } from 'react';
import { sendCommand } from '../api/commands';
import { identificationApi } from '../api/identification';
import { errorMessage } from '../api/problem';
import { useResource } from '../api/use-resource';
import { ColumnChooser } from '../identification/column-chooser';
import { useRecordColumns } from '../identification/record-columns';
import { type RecordSort, RecordsTable, type SortOrder } from '../identification/records-table';
import { RemoveBeforeScreeningModal } from '../identification/remove-before-screening-modal';
import { useIdentificationEvents } from '../identification/use-identification-events';
import { type RecordFilters, useRecordWindow } from '../identification/use-record-window';
import { useProject } from '../project/project-context';
import { ProjectGate } from '../project/project-gate';
import { LoadError } from '../ui/load-error';
import { PageHeader } from '../ui/page-header';

type View = NonNullable<RecordFilters['view']>;

const VIEWS: Array<{ value: View; label: string }> = [
  { value: 'all', label: 'All records' },
  { value: 'remaining', label: 'Remaining for screening' },
  { value: 'merged', label: 'Merged into another' },
  { value: 'grouped', label: 'In a duplicate group' },
  { value: 'pending', label: 'Waiting in duplicate review' },
  { value: 'removed', label: 'Removed before screening' },
];

// A year is four digits: "2" on the way to "2020" filters nothing yet (and is not clamped to 1000).
const year = (value: string | number) => {
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isInteger(n) && n >= 1000 && n <= 2999 ? n : undefined;
};

export function RecordsPage() {
  const { projectId, role } = useProject();
  // Removing records before screening changes what the whole team screens: a lead's call.
  const mayRemove = mayDo(role, 'records.remove-before-screening');
  const [chosen, setChosen] = useState<Map<string, RecordView>>(new Map());
  const [removing, setRemoving] = useState(false);
  const [restoring, setRestoring] = useState(false);
  const toggle = useCallback((row: RecordView, checked: boolean) => {
    setChosen((current) => {
      const next = new Map(current);
      if (checked) next.set(row.id, row);
      else next.delete(row.id);
      return next;
    });
  }, []);
  const selected = useMemo(() => new Set(chosen.keys()), [chosen]);
  const [text, setText] = useState('');
  const [q] = useDebouncedValue(text.trim(), 300);
  const [searchId, setSearchId] = useState<string | null>(null);
  const [view, setView] = useState<View>('all');
  const [yearFrom, setYearFrom] = useState<string | number>('');
  const [yearTo, setYearTo] = useState<string | number>('');
  const [from] = useDebouncedValue(year(yearFrom), 400);
  const [to] = useDebouncedValue(year(yearTo), 400);
  const [sort, setSort] = useState<RecordSort>('imported');
  const [order, setOrder] = useState<SortOrder>('asc');
  const { columns, choose } = useRecordColumns();

  const filters: RecordFilters = {
    sort,
    order,
    view,
    ...(q ? { q } : {}),
    ...(searchId ? { searchId } : {}),
    ...(from !== undefined ? { yearFrom: from } : {}),
    ...(to !== undefined ? { yearTo: to } : {}),
  };
  const rows = useRecordWindow(projectId, filters);
  const searches = useResource(projectId, () => identificationApi.searches(projectId));
  useIdentificationEvents(() => {
    rows.refresh();
    void searches.reload();
  });

  const searchNames = useMemo(
    () => new Map((searches.data?.searches ?? []).map((s) => [s.id, s.name])),
    [searches.data],
  );
  const chosenRows = [...chosen.values()];
  const allRemoved = chosenRows.length > 0 && chosenRows.every((r) => r.removal);
  const noneRemoved = chosenRows.length > 0 && chosenRows.every((r) => !r.removal && r.isPrimary);
  const restore = async () => {
    setRestoring(true);
    try {
      await sendCommand('records.restore-for-screening', { recordIds: [...chosen.keys()] }, projectId);
      notifications.show({
        color: 'teal',
        message: `${chosen.size === 1 ? 'The record is' : `${chosen.size} records are`} back in screening.`,
      });
      setChosen(new Map());
      rows.refresh();
    } catch (error) {
      notifications.show({ color: 'red', title: 'Nothing was restored', message: errorMessage(error) });
    } finally {
      setRestoring(false);
    }
  };
  const filtered = Boolean(q || searchId || view !== 'all' || from !== undefined || to !== undefined);

  return (
    <ProjectGate>
      {() => (
        <>
          <PageHeader
            title="Records"
            description="Every imported record, as normalised for deduplication and screening. Merged records and records removed before screening stay here, marked, so every merge and removal can be checked and undone."
          />
          <Stack gap="sm">
            <Group gap="sm" align="flex-end" wrap="wrap">
              <TextInput
                aria-label="Search records"
                placeholder="Search title, author, DOI, PMID"
                leftSection={<IconSearch size={16} />}
                value={text}
                onChange={(event) => setText(event.currentTarget.value)}
                style={{ flex: 1, minWidth: 200 }}
              />
              <Select
                aria-label="Filter by search"
                placeholder="All searches"
                clearable
                data={(searches.data?.searches ?? []).map((s) => ({ value: s.id, label: s.name }))}
                value={searchId}
                onChange={setSearchId}
                w={150}
              />
              <Select
                aria-label="Duplicate status"
                data={VIEWS}
                value={view}
                onChange={(value) => setView((value as View | null) ?? 'all')}
                allowDeselect={false}
                w={240}
              />
              <NumberInput
                aria-label="Year from"
                placeholder="Year from"
                value={yearFrom}
                onChange={setYearFrom}
                allowDecimal={false}
                allowNegative={false}
                hideControls
                w={100}
              />
              <NumberInput
                aria-label="Year to"
                placeholder="Year to"
                value={yearTo}
                onChange={setYearTo}
                allowDecimal={false}
                allowNegative={false}
                hideControls
                w={100}
              />
              <ColumnChooser columns={columns} onChange={choose} />
            </Group>
            {mayRemove && chosen.size > 0 && (
              <Paper withBorder radius="md" px="sm" py={6} data-testid="records-selection">
                <Group gap="sm" justify="space-between">
                  <Text fz="sm">
                    <b>{chosen.size.toLocaleString()}</b> {chosen.size === 1 ? 'record' : 'records'} chosen
                  </Text>
                  <Group gap="xs">
                    <Button
                      size="xs"
                      color="red"
                      variant="light"
                      disabled={!noneRemoved}
                      title={noneRemoved ? undefined : 'Choose only records that remain for screening'}
                      onClick={() => setRemoving(true)}
                    >
                      Remove before screening…
                    </Button>
                    <Button
                      size="xs"
                      variant="light"
                      disabled={!allRemoved}
                      loading={restoring}
                      title={allRemoved ? undefined : 'Choose only removed records'}
                      onClick={() => void restore()}
                    >
                      Restore for screening
                    </Button>
                    <Button size="xs" variant="subtle" color="gray" onClick={() => setChosen(new Map())}>
                      Clear
                    </Button>
                  </Group>
                </Group>
              </Paper>
            )}
            {rows.error !== undefined && rows.total === null ? (
              <LoadError error={rows.error} what="the records" onRetry={rows.refresh} />
            ) : rows.total === null ? (
              <Loader aria-label="Loading records" />
            ) : rows.total === 0 ? (
              <Card withBorder radius="md" p="xl" ta="center" data-testid="records-empty">
                <Text fw={600}>No records {filtered ? 'match' : 'yet'}</Text>
                <Text fz="sm" c="dimmed">
                  {filtered
                    ? 'Change the search text or the filters.'
                    : 'Import search results on the identification page.'}
                </Text>
              </Card>
            ) : (
              <>
                <Text fz="sm" c="dimmed" data-testid="records-range">
                  {rows.total.toLocaleString()} {rows.total === 1 ? 'record' : 'records'}
                  {filtered ? ' match' : ''}
                </Text>
                <RecordsTable
                  total={rows.total}
                  getRow={rows.getRow}
                  onRangeChange={rows.ensureRange}
                  columns={columns}
                  sort={sort}
                  order={order}
                  onSort={(s, o) => {
                    setSort(s);
                    setOrder(o);
                  }}
                  searchNames={searchNames}
                  height={mayRemove && chosen.size > 0 ? 'calc(100vh - 335px)' : 'calc(100vh - 285px)'}
                  {...(mayRemove ? { selection: { selected, onToggle: toggle } } : {})}
                />
              </>
            )}
          </Stack>
          <RemoveBeforeScreeningModal
            projectId={projectId}
            recordIds={[...chosen.keys()]}
            opened={removing}
            onClose={() => setRemoving(false)}
            onRemoved={(n) => {
              notifications.show({
                color: 'teal',
                message: `${n === 1 ? 'The record was' : `${n} records were`} removed before screening.`,
              });
              setChosen(new Map());
              rows.refresh();
            }}
          />
        </>
      )}
    </ProjectGate>
  );
}
