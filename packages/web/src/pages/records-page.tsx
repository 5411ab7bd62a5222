import {
  Card,
  Group,
  Loader,
  Pagination,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useMemo, useRef, useState } from 'react';
import { identificationApi } from '../api/identification';
import { useResource } from '../api/use-resource';
import { type RecordSort, RecordsTable, type SortOrder } from '../identification/records-table';
import { useIdentificationEvents } from '../identification/use-identification-events';
import { useProject } from '../project/project-context';
import { ProjectGate } from '../project/project-gate';
import { LoadError } from '../ui/load-error';
import { PageHeader } from '../ui/page-header';

const PAGE_SIZE = 100;
type View = 'all' | 'remaining' | 'merged';

export function RecordsPage() {
  const { projectId } = useProject();
  const [text, setText] = useState('');
  const [q] = useDebouncedValue(text.trim(), 300);
  const [searchId, setSearchId] = useState<string | null>(null);
  const [view, setView] = useState<View>('all');
  const [sort, setSort] = useState<RecordSort>('imported');
  const [order, setOrder] = useState<SortOrder>('asc');
  const [page, setPage] = useState(1);

  const query = {
    offset: (page - 1) * PAGE_SIZE,
    limit: PAGE_SIZE,
    sort,
    order,
    view,
    ...(q ? { q } : {}),
    ...(searchId ? { searchId } : {}),
  };
  const key = `${projectId}|${JSON.stringify(query)}`;
  const records = useResource(key, () => identificationApi.records(projectId, query));
  const searches = useResource(projectId, () => identificationApi.searches(projectId));
  useIdentificationEvents(() => {
    void records.reload();
    void searches.reload();
  });

  const searchNames = useMemo(
    () => new Map((searches.data?.searches ?? []).map((s) => [s.id, s.name])),
    [searches.data],
  );
  // Filters change the result set: start again at its first page.
  const refilter =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      set(value);
      setPage(1);
    };

  // Keep the last page on screen while the next one loads (typing, paging, sorting): no flicker.
  const lastPage = useRef(records.data);
  if (records.data) lastPage.current = records.data;
  const shown = records.data ?? lastPage.current;

  const total = shown?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const first = total === 0 ? 0 : (page - 1) * PAGE_SIZE + 1;
  const last = Math.min(total, page * PAGE_SIZE);

  return (
    <ProjectGate>
      {() => (
        <>
          <PageHeader
            title="Records"
            description="Every imported record, as normalised for deduplication and screening. Merged records stay here, marked, so every merge can be checked and undone."
          />
          <Stack gap="sm">
            <Group gap="sm" align="flex-end">
              <TextInput
                aria-label="Search records"
                placeholder="Search titles, authors, DOI…"
                leftSection={<IconSearch size={16} />}
                value={text}
                onChange={(event) => {
                  setText(event.currentTarget.value);
                  setPage(1);
                }}
                style={{ flex: 1, minWidth: 220 }}
              />
              <Select
                aria-label="Filter by search"
                placeholder="All searches"
                clearable
                data={(searches.data?.searches ?? []).map((s) => ({ value: s.id, label: s.name }))}
                value={searchId}
                onChange={refilter(setSearchId)}
                w={200}
              />
              <SegmentedControl
                aria-label="Which records"
                value={view}
                onChange={(value) => refilter(setView)(value as View)}
                data={[
                  { value: 'all', label: 'All' },
                  { value: 'remaining', label: 'Remaining' },
                  { value: 'merged', label: 'Merged' },
                ]}
              />
            </Group>
            {records.error !== undefined && !records.data ? (
              <LoadError error={records.error} what="the records" onRetry={records.reload} />
            ) : !shown ? (
              <Loader aria-label="Loading records" />
            ) : shown.records.length === 0 ? (
              <Card withBorder radius="md" p="xl" ta="center" data-testid="records-empty">
                <Text fw={600}>No records {q || searchId || view !== 'all' ? 'match' : 'yet'}</Text>
                <Text fz="sm" c="dimmed">
                  {q || searchId || view !== 'all'
                    ? 'Change the search text or the filters.'
                    : 'Import search results on the identification page.'}
                </Text>
              </Card>
            ) : (
              <>
                <RecordsTable
                  records={shown.records}
                  sort={sort}
                  order={order}
                  onSort={(s, o) => {
                    setSort(s);
                    setOrder(o);
                    setPage(1);
                  }}
                  searchNames={searchNames}
                />
                <Group justify="space-between">
                  <Text fz="sm" c="dimmed" data-testid="records-range">
                    {first.toLocaleString()}–{last.toLocaleString()} of {total.toLocaleString()} records
                  </Text>
                  {pages > 1 && <Pagination total={pages} value={page} onChange={setPage} size="sm" />}
                </Group>
              </>
            )}
          </Stack>
        </>
      )}
    </ProjectGate>
  );
}
