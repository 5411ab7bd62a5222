import { Badge, Card, Group, List, Stack, Table, Text } from '@mantine/core';
import type { UploadPreview } from '../api/identification';
import { FORMAT_NAMES } from './format-names';

/** What the file holds, before anything is imported: the detected format, the first records, a table's columns. */
export function UploadPreviewPanel({ preview }: { preview: UploadPreview }) {
  return (
    <Card withBorder radius="md" padding="sm" data-testid="upload-preview">
      <Stack gap="xs">
        <Group gap="xs">
          <Text fz="sm">
            Read as{' '}
            <Badge variant="light" size="sm" data-testid="preview-format">
              {FORMAT_NAMES[preview.format] ?? preview.format}
            </Badge>{' '}
            ({preview.encoding}): <b data-testid="preview-count">{preview.recordCount.toLocaleString()}</b>{' '}
            {preview.recordCount === 1 ? 'record' : 'records'}
            {preview.warnings.length > 0 &&
              `, ${preview.warnings.length} ${preview.warnings.length === 1 ? 'warning' : 'warnings'}`}
            {preview.records.length < preview.recordCount ? `. The first ${preview.records.length}:` : ':'}
          </Text>
        </Group>
        <Table fz="xs" verticalSpacing={4} layout="fixed">
          <Table.Tbody>
            {preview.records.map((record, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a fixed preview list
              <Table.Tr key={index}>
                <Table.Td>
                  <Text fz="xs" truncate>
                    {record.title || <i>untitled</i>}
                  </Text>
                </Table.Td>
                <Table.Td w={150}>
                  <Text fz="xs" truncate c="dimmed">
                    {record.authors[0]?.literal ?? record.authors[0]?.family ?? ''}
                  </Text>
                </Table.Td>
                <Table.Td w={50}>{record.year ?? ''}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {preview.warnings.length > 0 && (
          <List size="xs" spacing={2} c="orange.8" data-testid="preview-warnings">
            {preview.warnings.slice(0, 10).map((warning, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list
              <List.Item key={index}>
                {warning.line !== undefined && <b>Line {warning.line}: </b>}
                {warning.message}
              </List.Item>
            ))}
            {preview.warnings.length > 10 && <List.Item>… and {preview.warnings.length - 10} more</List.Item>}
          </List>
        )}
        {preview.table && (
          <Stack gap={4} data-testid="column-mapping">
            <Text fz="xs" fw={700}>
              Columns, as guessed from their headers
            </Text>
            <Group gap={6}>
              {preview.table.headers.map((header) => (
                <Badge
                  key={header}
                  variant="outline"
                  color={preview.table?.mapping[header] === 'extra' ? 'gray' : 'blue'}
                  size="sm"
                  tt="none"
                >
                  {header} →{' '}
                  {preview.table?.mapping[header] === 'extra' ? 'kept as is' : preview.table?.mapping[header]}
                </Badge>
              ))}
            </Group>
            <Text fz="xs" c="dimmed">
              {Object.values(preview.table.mapping).includes('extra') &&
                'Columns marked “kept as is” are stored with the record but not used. '}
              Editing the mapping is not available yet.
            </Text>
          </Stack>
        )}
      </Stack>
    </Card>
  );
}
