import { Alert, List, Stack, Table, Text } from '@mantine/core';
import type { QdpxImportReport } from '@weft/protocol';

const CONVENTION_WORDS: Record<string, string> = {
  utf16: 'UTF-16 units, a Windows line break counting as two (NVivo)',
  'crlf-as-one': 'a Windows line break counting as one (ATLAS.ti); converted',
  'code-points': 'Unicode characters; converted to UTF-16 units',
};

/** What an import brought in, what it adapted and what it left out. */
export function QdpxReport({ report }: { report: QdpxImportReport }) {
  const i = report.imported;
  const rows: [string, number, number | string][] = [
    ['Codes', report.read.codes, i.codes],
    ['Sources', report.read.sources, `${i.documents} documents, ${i.sourceFiles} media files`],
    ['Codings', report.read.codings, `${i.codings} on text (${i.orphanCodings} orphans), the rest on media`],
    ['Selections', report.read.selections, `${i.mediaSelections} media selections kept`],
    ['Sets', report.read.sets, i.sets],
    ['Users', report.read.users, `${i.usersMapped} mapped to you (names kept)`],
    ['Notes', report.read.notes, i.notes],
    ['Cases', report.read.cases, i.cases],
    ['Variables', report.read.variables, i.variables],
  ];
  return (
    <Stack gap="sm">
      <Text size="sm">
        {report.fileName}
        {report.origin ? `, written by ${report.origin}` : ''}. Positions:{' '}
        {report.positions.decidedBy === 'no-line-breaks'
          ? 'no text with Windows line breaks, so none needed converting'
          : CONVENTION_WORDS[report.positions.convention]}
        .
      </Text>
      <Table withTableBorder striped aria-label="Import counts">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Kind</Table.Th>
            <Table.Th>In the file</Table.Th>
            <Table.Th>Imported</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map(([kind, read, imported]) => (
            <Table.Tr key={kind}>
              <Table.Td>{kind}</Table.Td>
              <Table.Td>{read}</Table.Td>
              <Table.Td>{imported}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {report.adapted.length > 0 && (
        <Alert color="blue" variant="light" title="Adapted">
          <List size="sm">
            {report.adapted.map((line) => (
              <List.Item key={line}>{line}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      {report.notImported.length > 0 && (
        <Alert color="yellow" variant="light" title="Not imported">
          <List size="sm">
            {report.notImported.map((n) => (
              <List.Item key={n.what}>
                {n.count} {n.what}: {n.why}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
      {report.orphans.length > 0 && (
        <Text size="sm" c="dimmed">
          {report.orphans.length} selections could not be placed and came in as orphan codings (listed in the
          project's orphan queue), e.g. in “{report.orphans[0]?.source}”: {report.orphans[0]?.reason}.
        </Text>
      )}
    </Stack>
  );
}
