import { Badge, Box, Checkbox, Skeleton, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconSelector } from '@tabler/icons-react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { RecordView } from '@weft/protocol';
import { type CSSProperties, type ReactNode, useEffect, useRef } from 'react';
import type { RecordColumnId } from './record-columns';

export type RecordSort = 'imported' | 'title' | 'year' | 'first-author';
export type SortOrder = 'asc' | 'desc';

/** Fixed row height: the virtualiser then needs no measuring, and 100,000 rows scroll as 30 do. */
const ROW_HEIGHT = 52;
const HEADER_HEIGHT = 38;

function firstAuthor(record: RecordView['record']): string {
  const a = record.authors[0];
  if (!a) return '';
  const name = a.literal ?? a.family;
  return record.authors.length > 1 ? `${name} et al.` : name;
}

function citation(record: RecordView['record']): string {
  const where = `${record.volume ?? ''}${record.issue ? `(${record.issue})` : ''}`;
  if (!record.pages) return where;
  return where ? `${where}: ${record.pages}` : record.pages;
}

interface ColumnSpec {
  label: string;
  /** A CSS grid track. */
  width: string;
  sort?: RecordSort;
  cell: (row: RecordView, searchName: string) => ReactNode;
}

const truncated = (value: string | undefined, props: { ff?: string; fz?: string; c?: string } = {}) => (
  <Text fz={props.fz ?? 'sm'} ff={props.ff} c={props.c} truncate title={value}>
    {value ?? ''}
  </Text>
);

export const COLUMN_SPECS: Record<RecordColumnId, ColumnSpec> = {
  title: {
    label: 'Title',
    width: 'minmax(280px, 1fr)',
    sort: 'title',
    cell: (row) => {
      const merged = !row.isPrimary;
      return (
        <Text fz="sm" lineClamp={2} title={row.record.title} lh={1.35}>
          {merged && (
            <Badge size="xs" color="gray" variant="light" mr={6}>
              merged
            </Badge>
          )}
          {!merged && row.groupId && (
            <Badge size="xs" color="teal" variant="light" mr={6}>
              kept
            </Badge>
          )}
          {row.removal && (
            <Tooltip
              label={`Removed before screening ${row.removal.kind === 'automation' ? 'by an automation tool' : 'for another reason'}: ${row.removal.reason}`}
              multiline
              maw={320}
            >
              <Badge size="xs" color="red" variant="light" mr={6} data-testid="removed-badge">
                removed{row.removal.kind === 'automation' ? ' · tool' : ''}
              </Badge>
            </Tooltip>
          )}
          {row.record.title || <i>untitled</i>}
        </Text>
      );
    },
  },
  'first-author': {
    label: 'First author',
    width: '130px',
    sort: 'first-author',
    cell: (row) => truncated(firstAuthor(row.record)),
  },
  year: {
    label: 'Year',
    width: '58px',
    sort: 'year',
    cell: (row) => <Text fz="sm">{row.record.year ?? ''}</Text>,
  },
  journal: {
    label: 'Journal',
    width: '150px',
    cell: (row) => truncated(row.record.container ?? row.record.containerAbbreviation),
  },
  citation: { label: 'Vol (issue): pages', width: '140px', cell: (row) => truncated(citation(row.record)) },
  doi: {
    label: 'DOI',
    width: '170px',
    cell: (row) => truncated(row.record.doi, { ff: 'monospace', fz: 'xs' }),
  },
  pmid: {
    label: 'PMID',
    width: '90px',
    cell: (row) => truncated(row.record.pmid, { ff: 'monospace', fz: 'xs' }),
  },
  type: { label: 'Type', width: '120px', cell: (row) => truncated(row.record.publicationType) },
  language: { label: 'Language', width: '90px', cell: (row) => truncated(row.record.language) },
  search: {
    label: 'Search',
    width: '110px',
    cell: (_row, searchName) => truncated(searchName, { fz: 'xs', c: 'dimmed' }),
  },
};

function SortHeader({
  spec,
  current,
  order,
  onSort,
}: {
  spec: ColumnSpec;
  current: RecordSort;
  order: SortOrder;
  onSort: (sort: RecordSort, order: SortOrder) => void;
}) {
  const { sort } = spec;
  if (!sort)
    return (
      <th style={{ minWidth: 0, textAlign: 'left' }}>
        <Text fz="sm" fw={700} truncate>
          {spec.label}
        </Text>
      </th>
    );
  const active = current === sort;
  const Icon = !active ? IconSelector : order === 'asc' ? IconArrowUp : IconArrowDown;
  return (
    <th
      style={{ minWidth: 0, textAlign: 'left' }}
      aria-sort={active ? (order === 'asc' ? 'ascending' : 'descending') : 'none'}
    >
      <UnstyledButton
        // asc → desc → back to import order, so the original order is one click away.
        onClick={() =>
          !active ? onSort(sort, 'asc') : order === 'asc' ? onSort(sort, 'desc') : onSort('imported', 'asc')
        }
        style={{
          display: 'inline-flex',
          alignItems: 'center',
          gap: 4,
          fontWeight: 700,
          fontSize: 'var(--mantine-font-size-sm)',
        }}
      >
        {spec.label}
        <Icon size={14} />
      </UnstyledButton>
    </th>
  );
}

/**
 * Every record matching the filters in one scrolling list. Only the rows on screen are in the
 * DOM (@tanstack/react-virtual) and only their pages are fetched, so 100,000 records cost what
 * 100 do.
 */
export function RecordsTable({
  total,
  getRow,
  onRangeChange,
  columns,
  sort,
  order,
  onSort,
  searchNames,
  height,
  selection,
}: {
  total: number;
  getRow: (index: number) => RecordView | undefined;
  onRangeChange: (start: number, end: number) => void;
  columns: RecordColumnId[];
  sort: RecordSort;
  order: SortOrder;
  onSort: (sort: RecordSort, order: SortOrder) => void;
  searchNames: Map<string, string>;
  height: string;
  /** When given, each row starts with a checkbox (people who may act on the chosen records). */
  selection?: { selected: ReadonlySet<string>; onToggle: (row: RecordView, checked: boolean) => void };
}) {
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  useEffect(() => onRangeChange(first, last), [first, last, onRangeChange]);
  // A new sort or filter shows its first rows, not the old scroll position.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the reset is keyed on the query, not read from it
  useEffect(() => {
    scroller.current?.scrollTo({ top: 0 });
  }, [sort, order, total === 0]);

  const template = [...(selection ? ['28px'] : []), ...columns.map((id) => COLUMN_SPECS[id].width)].join(' ');
  const rowStyle: CSSProperties = {
    display: 'grid',
    gridTemplateColumns: template,
    columnGap: 'var(--mantine-spacing-sm)',
    alignItems: 'center',
    padding: '0 var(--mantine-spacing-sm)',
  };

  return (
    <Box
      ref={scroller}
      data-testid="records-scroll"
      style={{
        height,
        overflow: 'auto',
        border: '1px solid var(--mantine-color-default-border)',
        borderRadius: 'var(--mantine-radius-md)',
        background: 'var(--mantine-color-body)',
        contain: 'strict',
      }}
    >
      <table
        data-testid="records-table"
        aria-rowcount={total + 1}
        style={{ display: 'grid', minWidth: 'min-content', borderCollapse: 'collapse' }}
      >
        <thead style={{ display: 'grid', position: 'sticky', top: 0, zIndex: 1 }}>
          <tr
            aria-rowindex={1}
            style={{
              ...rowStyle,
              height: HEADER_HEIGHT,
              position: 'sticky',
              top: 0,
              zIndex: 1,
              background: 'var(--mantine-color-body)',
              borderBottom: '1px solid var(--mantine-color-default-border)',
              minWidth: 'min-content',
            }}
          >
            {selection && (
              <th aria-label="Chosen">
                <span />
              </th>
            )}
            {columns.map((id) => (
              <SortHeader key={id} spec={COLUMN_SPECS[id]} current={sort} order={order} onSort={onSort} />
            ))}
          </tr>
        </thead>
        <tbody style={{ display: 'grid', height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const row = getRow(item.index);
            const merged = row ? !row.isPrimary : false;
            const removed = Boolean(row?.removal);
            return (
              <tr
                key={item.key}
                aria-rowindex={item.index + 2}
                data-testid={row ? 'record-row' : 'record-row-loading'}
                data-index={item.index}
                data-merged={merged || undefined}
                data-removed={removed || undefined}
                style={{
                  ...rowStyle,
                  position: 'absolute',
                  top: 0,
                  left: 0,
                  width: '100%',
                  height: ROW_HEIGHT,
                  transform: `translateY(${item.start}px)`,
                  borderBottom: '1px solid var(--mantine-color-default-border)',
                  opacity: merged || removed ? 0.6 : 1,
                }}
              >
                {selection && (
                  <td>
                    {row && (
                      <Checkbox
                        size="xs"
                        aria-label={`Choose ${row.record.title || 'this record'}`}
                        checked={selection.selected.has(row.id)}
                        onChange={(event) => selection.onToggle(row, event.currentTarget.checked)}
                      />
                    )}
                  </td>
                )}
                {columns.map((id) =>
                  row ? (
                    <td key={id} style={{ minWidth: 0 }}>
                      {COLUMN_SPECS[id].cell(row, searchNames.get(row.searchId) ?? '')}
                    </td>
                  ) : (
                    <td key={id}>
                      <Skeleton height={10} width={id === 'title' ? '70%' : '60%'} radius="sm" />
                    </td>
                  ),
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </Box>
  );
}
