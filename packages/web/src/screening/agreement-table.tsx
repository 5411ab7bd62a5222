import { Table, Text, Tooltip } from '@mantine/core';
import type { AgreementStatisticsView } from '@weft/protocol';
import { fixed, percent } from './stage-labels';

export interface AgreementRow {
  key: string;
  label: string;
  stats: AgreementStatisticsView;
}

function Header({ label, hint }: { label: string; hint: string }) {
  return (
    <Table.Th>
      <Tooltip label={hint} multiline w={260} withArrow>
        <Text fz="sm" fw={700} span style={{ borderBottom: '1px dotted var(--mantine-color-gray-5)' }}>
          {label}
        </Text>
      </Tooltip>
    </Table.Th>
  );
}

/** Agreement statistics, one row per pair or reason. */
export function AgreementTable({
  rows,
  first,
  testId,
}: {
  rows: AgreementRow[];
  first: string;
  testId?: string;
}) {
  return (
    <Table verticalSpacing="sm" data-testid={testId}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{first}</Table.Th>
          <Header label="n" hint="Records both reviewers decided." />
          <Header label="Agreement" hint="Share of those records on which they made the same decision." />
          <Header
            label="Cohen's κ (95% CI)"
            hint="Agreement beyond chance; the interval is the 95% confidence interval."
          />
          <Header
            label="PABAK"
            hint="Prevalence- and bias-adjusted kappa: robust when almost everything is excluded."
          />
          <Header
            label="Gwet's AC1"
            hint="Chance-corrected agreement that stays stable when one decision dominates."
          />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map(({ key, label, stats }) => (
          <Table.Tr key={key}>
            <Table.Td fz="sm" fw={500}>
              {label}
            </Table.Td>
            <Table.Td fz="sm" style={{ fontVariantNumeric: 'tabular-nums' }}>
              {stats.n}
            </Table.Td>
            <Table.Td fz="sm" style={{ fontVariantNumeric: 'tabular-nums' }}>
              {percent(stats.percentAgreement, 1)}
            </Table.Td>
            <Table.Td fz="sm" style={{ fontVariantNumeric: 'tabular-nums' }}>
              {fixed(stats.kappa)}
              {stats.kappaCi95 && (
                <Text span c="dimmed" fz="sm" style={{ fontVariantNumeric: 'tabular-nums' }}>
                  {' '}
                  ({fixed(stats.kappaCi95[0])} to {fixed(stats.kappaCi95[1])})
                </Text>
              )}
            </Table.Td>
            <Table.Td fz="sm" style={{ fontVariantNumeric: 'tabular-nums' }}>
              {fixed(stats.pabak)}
            </Table.Td>
            <Table.Td fz="sm" style={{ fontVariantNumeric: 'tabular-nums' }}>
              {fixed(stats.gwetAc1)}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
