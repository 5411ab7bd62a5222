import { Anchor, Badge, Group, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { TABLE_FIELDS, type TableField } from '@weft/protocol';
import { useState } from 'react';

/** How the mapping step names each record field. */
export const TABLE_FIELD_LABELS: Record<TableField, string> = {
  title: 'Title',
  authors: 'Authors',
  year: 'Year',
  abstract: 'Abstract',
  doi: 'DOI',
  pmid: 'PubMed id (PMID)',
  container: 'Journal or book',
  containerAbbreviation: 'Journal abbreviation',
  volume: 'Volume',
  issue: 'Issue',
  pages: 'Pages',
  startPage: 'First page',
  endPage: 'Last page',
  issn: 'ISSN',
  isbn: 'ISBN',
  keywords: 'Keywords',
  urls: 'URL',
  language: 'Language',
  publicationType: 'Publication type',
  sourceId: 'Record id in the file',
  label: 'Screening label',
};

const NONE = '';

/** Shown always; the rest only when mapped or asked for, so the preview stays in view. */
const MAIN_FIELDS: readonly TableField[] = [
  'title',
  'authors',
  'year',
  'abstract',
  'doi',
  'container',
  'pmid',
  'sourceId',
  'label',
];

export interface TableMappingView {
  columns: string[];
  guessed: Record<TableField, string | null>;
  mapping: Record<TableField, string | null>;
}

/**
 * One select per record field, listing the file's columns; the guess is preselected and marked.
 * A column chosen for a second field leaves the first (the server refuses one column for two
 * fields), so the form never holds a mapping the import would reject.
 */
export function ColumnMappingForm({
  table,
  disabled,
  onChange,
}: {
  table: TableMappingView;
  disabled?: boolean;
  onChange: (changes: Partial<Record<TableField, string | null>>) => void;
}) {
  const [showAll, setShowAll] = useState(false);
  const shown = TABLE_FIELDS.filter(
    (field) =>
      showAll ||
      MAIN_FIELDS.includes(field) ||
      table.mapping[field] !== null ||
      table.guessed[field] !== null,
  );
  const used = new Set(Object.values(table.mapping).filter((c): c is string => c !== null));
  const unused = table.columns.filter((column) => !used.has(column));
  const choose = (field: TableField, value: string | null) => {
    const column = value === null || value === NONE ? null : value;
    const changes: Partial<Record<TableField, string | null>> = { [field]: column };
    if (column !== null) {
      for (const other of TABLE_FIELDS) {
        if (other !== field && table.mapping[other] === column) changes[other] = null;
      }
    }
    onChange(changes);
  };
  return (
    <Stack gap="xs" data-testid="column-mapping">
      <Text fz="sm">
        Which column holds each field? The guesses from the column headers are preselected; change any that
        are wrong. The preview below follows your choices.
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs" verticalSpacing={6}>
        {shown.map((field) => {
          const value = table.mapping[field];
          const guessed = table.guessed[field];
          return (
            <Select
              key={field}
              size="xs"
              label={
                <Group gap={4} wrap="nowrap">
                  <span>{TABLE_FIELD_LABELS[field]}</span>
                  {value !== guessed && (
                    <Badge size="xs" variant="light" color="grape" tt="none">
                      changed
                    </Badge>
                  )}
                </Group>
              }
              aria-label={TABLE_FIELD_LABELS[field]}
              data-testid={`map-${field}`}
              data={[
                { value: NONE, label: '— none —' },
                ...table.columns.map((column) => ({
                  value: column,
                  label: column === guessed ? `${column} (guessed)` : column,
                })),
              ]}
              value={value ?? NONE}
              onChange={(next) => choose(field, next)}
              allowDeselect={false}
              disabled={disabled}
              comboboxProps={{ withinPortal: true }}
            />
          );
        })}
      </SimpleGrid>
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Text fz="xs" c="dimmed" data-testid="unmapped-columns">
          {unused.length === 0
            ? 'Every column is used.'
            : `Not mapped, kept with each record as is: ${unused.join(', ')}.`}
        </Text>
        {shown.length < TABLE_FIELDS.length && (
          <Anchor component="button" type="button" fz="xs" onClick={() => setShowAll(true)}>
            Show all {TABLE_FIELDS.length} fields
          </Anchor>
        )}
      </Group>
    </Stack>
  );
}
