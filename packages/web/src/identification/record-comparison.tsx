import { Badge, Card, Table, Text } from '@mantine/core';
import type { BibliographicRecord } from '@weft/core';
import type { DuplicateCandidateView } from '@weft/protocol';
import type { ReactNode } from 'react';
import { fieldOutcome, type FieldOutcome as Outcome } from './field-outcome';

interface Row {
  label: string;
  /** The evidence fields that speak for this row, first match wins. */
  fields: string[];
  value: (record: BibliographicRecord) => string;
  long?: boolean;
}

const authors = (r: BibliographicRecord) =>
  r.authors.map((a) => a.literal ?? (a.given ? `${a.family}, ${a.given}` : a.family)).join('; ');

const ROWS: Row[] = [
  { label: 'Title', fields: ['title', 'notice', 'title-markers'], value: (r) => r.title ?? '' },
  { label: 'Authors', fields: ['authors'], value: authors },
  { label: 'Year', fields: ['year'], value: (r) => (r.year === undefined ? '' : String(r.year)) },
  {
    label: 'Journal',
    fields: ['container', 'venue'],
    value: (r) => r.container ?? r.containerAbbreviation ?? '',
  },
  {
    label: 'Volume (issue): pages',
    fields: ['pages', 'volume'],
    value: (r) => {
      const where = `${r.volume ?? ''}${r.issue ? `(${r.issue})` : ''}`;
      if (!r.pages) return where;
      return where ? `${where}: ${r.pages}` : `pages ${r.pages}`;
    },
  },
  { label: 'DOI', fields: ['doi'], value: (r) => r.doi ?? '' },
  { label: 'PMID', fields: ['pmid'], value: (r) => r.pmid ?? '' },
  { label: 'Abstract', fields: ['abstract'], value: (r) => r.abstract ?? '', long: true },
];

const COLORS: Record<Outcome, string | undefined> = {
  agree: undefined,
  same: undefined,
  similar: 'var(--mantine-color-yellow-light)',
  disagree: 'var(--mantine-color-red-light)',
  differs: 'var(--mantine-color-red-light)',
  missing: undefined,
};

const BADGE: Record<Outcome, { color: string; label: string } | null> = {
  agree: { color: 'teal', label: 'agrees' },
  same: null,
  similar: { color: 'yellow', label: 'similar' },
  disagree: { color: 'red', label: 'differs' },
  differs: { color: 'red', label: 'differs' },
  missing: { color: 'gray', label: 'missing' },
};

/** The two records of a pair side by side, each field coloured by how the engine compared it. */
export function RecordComparison({ candidate }: { candidate: DuplicateCandidateView }) {
  const evidence = 'evidence' in candidate.evidence ? candidate.evidence.evidence : [];
  const a = candidate.a.record;
  const b = candidate.b.record;
  return (
    <Card withBorder radius="md" padding={0}>
      <Table layout="fixed" verticalSpacing="xs" horizontalSpacing="md" data-testid="record-comparison">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={170}>Field</Table.Th>
            <Table.Th>Record A</Table.Th>
            <Table.Th>Record B</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {ROWS.map((row) => {
            const va = row.value(a);
            const vb = row.value(b);
            if (!va && !vb) return null;
            const found = evidence.find((e) => row.fields.includes(e.field));
            const outcome = fieldOutcome(va, vb, found);
            const badge = BADGE[outcome];
            return (
              <Table.Tr key={row.label} data-field={row.label} data-outcome={outcome}>
                <Table.Td style={{ verticalAlign: 'top' }}>
                  <Text fz="sm" fw={600}>
                    {row.label}
                  </Text>
                  {badge && (
                    <Badge size="xs" variant="light" color={badge.color} mt={2}>
                      {badge.label}
                      {found?.similarity !== undefined && found.outcome !== 'agree'
                        ? ` ${Math.round(found.similarity * 100)}%`
                        : ''}
                    </Badge>
                  )}
                  {/* "2020 vs 2021" repeats the cells, possibly in the other order: show only real specifics. */}
                  {found?.detail && !/^\S+ vs \S+$/.test(found.detail) && (
                    <Text fz="xs" c="dimmed" mt={2}>
                      {found.detail}
                    </Text>
                  )}
                </Table.Td>
                <Cell value={va} outcome={outcome} long={row.long} />
                <Cell value={vb} outcome={outcome} long={row.long} />
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Card>
  );
}

function Cell({ value, outcome, long }: { value: string; outcome: Outcome; long?: boolean }): ReactNode {
  return (
    <Table.Td
      style={{
        verticalAlign: 'top',
        background: value ? COLORS[outcome] : undefined,
        overflowWrap: 'anywhere',
      }}
    >
      {value ? (
        <Text fz="sm" lineClamp={long ? 6 : undefined}>
          {value}
        </Text>
      ) : (
        <Text fz="sm" c="dimmed" fs="italic">
          none
        </Text>
      )}
    </Table.Td>
  );
}
