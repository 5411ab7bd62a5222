import { ActionIcon, Badge, Card, Table, Text, Tooltip } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import type { SearchView } from '@weft/protocol';
import { useState } from 'react';
import { EditSearchModal } from './edit-search-modal';

/**
 * Every search with what it reported and what was imported (PRISMA-S asks for both). With
 * `projectId` and `canEdit`, each row has an edit action for its details.
 */
export function SearchesTable({
  searches,
  projectId,
  canEdit = false,
  onChanged,
}: {
  searches: SearchView[];
  projectId?: string;
  canEdit?: boolean;
  onChanged?: () => void;
}) {
  const [editingId, setEditingId] = useState<string | null>(null);
  const editable = canEdit && projectId !== undefined;
  const editing = searches.find((s) => s.id === editingId) ?? null;
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
            {editable && (
              <Table.Th w={56}>
                <span className="visually-hidden">Actions</span>
              </Table.Th>
            )}
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
                {editable && (
                  <Table.Td>
                    <Tooltip label="Edit search details">
                      <ActionIcon
                        variant="subtle"
                        color="gray"
                        aria-label={`Edit search ${search.name}`}
                        onClick={() => setEditingId(search.id)}
                      >
                        <IconPencil size={16} />
                      </ActionIcon>
                    </Tooltip>
                  </Table.Td>
                )}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      {editable && (
        <EditSearchModal
          projectId={projectId}
          search={editing}
          onClose={() => setEditingId(null)}
          onSaved={() => onChanged?.()}
        />
      )}
    </Card>
  );
}
