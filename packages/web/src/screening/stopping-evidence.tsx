import { Alert, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import type { StoppingEvidenceView } from '@weft/protocol';
import { ModelStatus } from './screening-status';

function Stat({
  label,
  value,
  hint,
  testId,
}: {
  label: string;
  value: string;
  hint?: string;
  testId?: string;
}) {
  return (
    <Paper withBorder radius="md" p="md">
      <Text fz="xs" c="dimmed" fw={700} tt="uppercase" style={{ letterSpacing: '0.05em' }}>
        {label}
      </Text>
      <Text fz={26} fw={650} lh={1.2} mt={4} data-testid={testId}>
        {value}
      </Text>
      {hint && (
        <Text fz="xs" c="dimmed" mt={2}>
          {hint}
        </Text>
      )}
    </Paper>
  );
}

/** What the lead weighs before stopping: found so far, the drought since the last include, the test. */
export function StoppingEvidence({ evidence }: { evidence: StoppingEvidenceView }) {
  const test = evidence.stoppingTest;
  return (
    <Stack gap="md" data-testid="stopping-evidence">
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="md">
        <Stat label="Screened" value={evidence.screened.toLocaleString()} testId="evidence-screened" />
        <Stat label="Includes found" value={evidence.includes.toLocaleString()} testId="evidence-includes" />
        <Stat
          label="Since last include"
          value={evidence.sinceLastInclude.toLocaleString()}
          hint="records screened without finding another"
        />
        <Stat
          label="Relevant left (est.)"
          value={
            evidence.estimatedRemainingRelevant === null
              ? '—'
              : `≈ ${evidence.estimatedRemainingRelevant.toLocaleString()}`
          }
          hint={evidence.estimatedRemainingRelevant === null ? 'needs the stopping sample' : undefined}
        />
      </SimpleGrid>
      {test ? (
        <Alert
          color={test.canStop ? 'teal' : 'yellow'}
          variant="light"
          title={`Stopping test: p = ${test.pValue < 0.001 ? '< 0.001' : test.pValue.toFixed(3)}`}
          data-testid="stopping-test"
        >
          {test.includesInSample} {test.includesInSample === 1 ? 'include' : 'includes'} in a random sample of{' '}
          {test.sampleSize.toLocaleString()} remaining records. Null hypothesis: recall is below{' '}
          {Math.round(test.targetRecall * 100)}%.{' '}
          {test.canStop
            ? 'Rejected at the 5% level: the evidence supports stopping.'
            : 'Not rejected: keep screening the random sample before stopping.'}{' '}
          (Callaghan & Müller-Hansen, Systematic Reviews 2020.)
        </Alert>
      ) : (
        <Text fz="sm" c="dimmed">
          The stopping test runs on a random sample of the remaining records. Start the stopping sample when
          includes have become rare; the queue then switches to random order and the test updates as the
          sample is screened.
        </Text>
      )}
      <Group>
        <ModelStatus model={evidence.model} />
      </Group>
    </Stack>
  );
}
