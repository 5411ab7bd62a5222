import { Badge, Card, Table, Text, Tooltip } from '@mantine/core';
import type { SearchView } from '@weft/protocol';

/** Every search with what it reported and what was imported (PRISMA-S asks for both). */
export function SearchesTable({ searches }: { searches: SearchView[] }) {
  return (
    <Card withBorder radius="md" padding={0}>
      <Table verticalSpacing="sm" horizontalSpacing="md" data-testid="searches-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Search</Table.Th>
            <Table.Th>Platform</Table.Th>
            <Table.Th w={110}>Date run</Table.Th>
            <Table.Th>Query</Table.Th>
            <Table.Th w={110} ta="right">
              Reported
            </Table.Th>
            <Table.Th w={150} ta="right">
              Imported
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {searches.map((search) => {
            const differs = search.reportedCount !== null && search.reportedCount !== search.recordCount;
            return (
              <Table.Tr key={search.id} data-testid="search-row">
                <Table.Td>
                  <Text fw={600} fz="sm">
                    {search.name}
                  </Text>
                  <Text fz="xs" c="dimmed">
                    {search.sourceType.replace('-', ' ')} · {search.importCount}{' '}
                    {search.importCount === 1 ? 'import' : 'imports'}
                  </Text>
                </Table.Td>
                <Table.Td fz="sm">{search.platform || '—'}</Table.Td>
                <Table.Td fz="sm" style={{ whiteSpace: 'nowrap' }}>
                  {search.dateRun ?? '—'}
                </Table.Td>
                <Table.Td maw={260}>
                  {search.query ? (
                    <Tooltip label={search.query} multiline maw={480} withinPortal>
                      <Text fz="xs" ff="monospace" lineClamp={2}>
                        {search.query}
                      </Text>
                    </Tooltip>
                  ) : (
                    <Text fz="sm" c="dimmed">
                      —
                    </Text>
                  )}
                </Table.Td>
                <Table.Td ta="right" fz="sm" style={{ fontVariantNumeric: 'tabular-nums' }}>
                  {search.reportedCount?.toLocaleString() ?? '—'}
                </Table.Td>
                <Table.Td ta="right" fz="sm" style={{ fontVariantNumeric: 'tabular-nums' }}>
                  {differs && (
                    <Tooltip
                      label={`The database reported ${search.reportedCount?.toLocaleString()} but ${search.recordCount.toLocaleString()} were imported`}
                    >
                      <Badge color="orange" variant="light" size="sm" mr={6} data-testid="count-mismatch">
                        differs
                      </Badge>
                    </Tooltip>
                  )}
                  {search.recordCount.toLocaleString()}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Card>
  );
}
