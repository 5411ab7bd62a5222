import { Badge, Card, Table, Text, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconSelector } from '@tabler/icons-react';
import type { RecordView } from '@weft/protocol';
import type { ReactNode } from 'react';

export type RecordSort = 'imported' | 'title' | 'year' | 'first-author';
export type SortOrder = 'asc' | 'desc';

function firstAuthor(record: RecordView['record']): string {
  const a = record.authors[0];
  if (!a) return '';
  const name = a.literal ?? a.family;
  return record.authors.length > 1 ? `${name} et al.` : name;
}

function SortHeader({
  label,
  sort,
  current,
  order,
  onSort,
  w,
}: {
  label: string;
  sort: RecordSort;
  current: RecordSort;
  order: SortOrder;
  onSort: (sort: RecordSort, order: SortOrder) => void;
  w?: number;
}) {
  const active = current === sort;
  const Icon = !active ? IconSelector : order === 'asc' ? IconArrowUp : IconArrowDown;
  return (
    <Table.Th w={w} aria-sort={active ? (order === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <UnstyledButton
        onClick={() => onSort(sort, active && order === 'asc' ? 'desc' : 'asc')}
        style={{ display: 'inline-flex', alignItems: 'center', gap: 4, fontWeight: 700, fontSize: 'inherit' }}
      >
        {label}
        <Icon size={14} />
      </UnstyledButton>
    </Table.Th>
  );
}

/** One page of records (the server pages and sorts, so 100,000 records cost what 100 do). */
export function RecordsTable({
  records,
  sort,
  order,
  onSort,
  searchNames,
}: {
  records: RecordView[];
  sort: RecordSort;
  order: SortOrder;
  onSort: (sort: RecordSort, order: SortOrder) => void;
  searchNames: Map<string, string>;
}) {
  const header = (label: string, key: RecordSort, w?: number): ReactNode => (
    <SortHeader label={label} sort={key} current={sort} order={order} onSort={onSort} w={w} />
  );
  return (
    <Card withBorder radius="md" padding={0}>
      <Table
        layout="fixed"
        verticalSpacing={6}
        horizontalSpacing="sm"
        highlightOnHover
        data-testid="records-table"
      >
        <Table.Thead>
          <Table.Tr>
            {header('Title', 'title')}
            {header('First author', 'first-author', 160)}
            {header('Year', 'year', 80)}
            <Table.Th w={180}>Journal</Table.Th>
            <Table.Th w={190}>DOI</Table.Th>
            <Table.Th w={120}>Search</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {records.map((row) => {
            const merged = !row.isPrimary;
            return (
              <Table.Tr
                key={row.id}
                data-testid="record-row"
                data-merged={merged || undefined}
                style={merged ? { opacity: 0.6 } : undefined}
              >
                <Table.Td>
                  <Text fz="sm" lineClamp={2} title={row.record.title}>
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
                    {row.record.title || <i>untitled</i>}
                  </Text>
                </Table.Td>
                <Table.Td fz="sm">
                  <Text fz="sm" truncate>
                    {firstAuthor(row.record)}
                  </Text>
                </Table.Td>
                <Table.Td fz="sm">{row.record.year ?? ''}</Table.Td>
                <Table.Td>
                  <Text fz="sm" truncate title={row.record.container}>
                    {row.record.container ?? row.record.containerAbbreviation ?? ''}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text fz="xs" ff="monospace" truncate title={row.record.doi}>
                    {row.record.doi ?? ''}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text fz="xs" c="dimmed" truncate>
                    {searchNames.get(row.searchId) ?? ''}
                  </Text>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Card>
  );
}
