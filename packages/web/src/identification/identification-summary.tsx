import { Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import type { IdentificationResponse } from '@weft/protocol';

function Figure({
  label,
  value,
  hint,
  testId,
}: {
  label: string;
  value: number;
  hint?: string;
  testId: string;
}) {
  return (
    <Card withBorder radius="md" padding="md">
      <Stack gap={2}>
        <Text fz="xs" c="dimmed" tt="uppercase" fw={700} style={{ letterSpacing: '0.05em' }}>
          {label}
        </Text>
        <Text fz={28} fw={700} data-testid={testId} style={{ fontVariantNumeric: 'tabular-nums' }}>
          {value.toLocaleString()}
        </Text>
        {hint && (
          <Text fz="xs" c="dimmed">
            {hint}
          </Text>
        )}
      </Stack>
    </Card>
  );
}

/** The PRISMA 2020 identification box: derived from the store, never typed in. */
export function IdentificationSummary({ counts }: { counts: IdentificationResponse }) {
  const removed = counts.duplicatesRemovedAutomatically + counts.duplicatesRemovedManually;
  return (
    <Stack gap="sm" data-testid="identification-summary">
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="md">
        <Figure
          label="Records identified"
          value={counts.identified}
          hint={`from ${counts.searches.length} ${counts.searches.length === 1 ? 'search' : 'searches'}`}
          testId="count-identified"
        />
        <Figure
          label="Duplicates removed"
          value={removed}
          hint={`${counts.duplicatesRemovedAutomatically} automatically, ${counts.duplicatesRemovedManually} by hand`}
          testId="count-removed"
        />
        <Figure
          label="Pairs to review"
          value={counts.pendingDuplicatePairs}
          hint="possible duplicates waiting for a person"
          testId="count-pending"
        />
        <Figure
          label="Records remaining"
          value={counts.remaining}
          hint="go on to screening"
          testId="count-remaining"
        />
      </SimpleGrid>
      {counts.searches.length > 0 && (
        <Group gap="lg" fz="sm" c="dimmed">
          {Object.entries(counts.bySourceType).map(([type, n]) => (
            <Text key={type} fz="sm" c="dimmed">
              {type.replace('-', ' ')}: <b>{n.toLocaleString()}</b>
            </Text>
          ))}
          <Text fz="sm" c="dimmed">
            automatically removed:{' '}
            <b data-testid="count-removed-auto">{counts.duplicatesRemovedAutomatically}</b>
          </Text>
          <Text fz="sm" c="dimmed">
            removed by hand: <b data-testid="count-removed-manual">{counts.duplicatesRemovedManually}</b>
          </Text>
          {counts.removedBeforeScreening > 0 && (
            <Text fz="sm" c="dimmed">
              removed before screening (not duplicates):{' '}
              <b data-testid="count-removed-before-screening">{counts.removedBeforeScreening}</b>
            </Text>
          )}
        </Group>
      )}
    </Stack>
  );
}
