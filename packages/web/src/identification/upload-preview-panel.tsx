import { Badge, Card, Group, List, Stack, Table, Text } from '@mantine/core';
import type { UploadPreview } from '../api/identification';
import { FORMAT_NAMES } from './format-names';

/**
 * What the file holds, before anything is imported: the detected format and the first records as
 * they would be stored (for a table, read with the mapping chosen in the wizard).
 */
export function UploadPreviewPanel({ preview, busy }: { preview: UploadPreview; busy?: boolean }) {
  return (
    <Card
      withBorder
      radius="md"
      padding="sm"
      data-testid="upload-preview"
      style={{ opacity: busy ? 0.6 : 1 }}
      aria-busy={busy}
    >
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
                  <Text fz="xs" truncate data-testid="preview-title">
                    {record.title || <i>untitled</i>}
                  </Text>
                </Table.Td>
                <Table.Td w={150}>
                  <Text fz="xs" truncate c="dimmed">
                    {record.authors[0]?.literal ?? record.authors[0]?.family ?? ''}
                  </Text>
                </Table.Td>
                <Table.Td w={50} data-testid="preview-year">
                  {record.year ?? ''}
                </Table.Td>
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
      </Stack>
    </Card>
  );
}
