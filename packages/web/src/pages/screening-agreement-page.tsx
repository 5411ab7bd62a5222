import { Card, Loader, Stack, Text, Title } from '@mantine/core';
import type { StageView } from '@weft/protocol';
import { useParams } from 'react-router';
import { screeningApi } from '../api/screening';
import { useResource } from '../api/use-resource';
import { useProject } from '../project/project-context';
import { AgreementTable } from '../screening/agreement-table';
import { StageFrame } from '../screening/stage-frame';
import { useScreeningEvents } from '../screening/use-screening-events';
import { LoadError } from '../ui/load-error';

/** Inter-rater agreement of the stage, per reviewer pair (and per reason at full text), live. */
export function ScreeningAgreementPage() {
  const { stageKey = '' } = useParams();
  return (
    <StageFrame stageKey={stageKey} tab="agreement">
      {(stage) => <Agreement key={stage.id} stage={stage} />}
    </StageFrame>
  );
}

function Agreement({ stage }: { stage: StageView }) {
  const { projectId } = useProject();
  const agreement = useResource(`${stage.id}|agreement`, () => screeningApi.agreement(projectId, stage.id));
  const { reload } = agreement;
  useScreeningEvents(() => void reload());
  if (agreement.error !== undefined && !agreement.data)
    return <LoadError error={agreement.error} what="the agreement statistics" onRetry={reload} />;
  if (!agreement.data) return <Loader aria-label="Loading agreement" />;
  const { overall, pairs } = agreement.data;
  if (pairs.length === 0)
    return (
      <Card withBorder radius="md" p="xl" ta="center" data-testid="agreement-empty">
        <Text fw={600}>No pair of reviewers has decided the same records yet</Text>
        <Text fz="sm" c="dimmed" maw={520} mx="auto">
          {stage.mode === 'single'
            ? 'This stage is screened once per record. Switch it to dual screening, or dual screening of a sample, in its settings to measure agreement.'
            : 'Agreement appears as soon as two reviewers have both decided a record, and updates as they go.'}
        </Text>
      </Card>
    );
  return (
    <Stack gap="lg" data-testid="agreement">
      <Card withBorder radius="md" p="md">
        <Title order={2} fz="h5" mb="xs">
          Per reviewer pair
        </Title>
        <AgreementTable
          first="Reviewers"
          testId="agreement-pairs"
          rows={[
            ...pairs.map((pair) => ({
              key: pair.reviewerIds.join('|'),
              label: pair.reviewerNames.join(' & '),
              stats: pair,
            })),
            ...(overall && pairs.length > 1 ? [{ key: 'overall', label: 'All pairs', stats: overall }] : []),
          ]}
        />
        <Text fz="xs" c="dimmed" mt="xs">
          Over the records both reviewers of a pair decided (include, exclude, maybe as three categories). κ
          is low when nearly every record is excluded even if agreement is high; PABAK and AC1 show that case
          better.
        </Text>
      </Card>
      {pairs.some((pair) => pair.perReason.length > 0) &&
        pairs.map((pair) =>
          pair.perReason.length === 0 ? null : (
            <Card withBorder radius="md" p="md" key={`reasons-${pair.reviewerIds.join('|')}`}>
              <Title order={2} fz="h5" mb="xs">
                Exclusion reasons: {pair.reviewerNames.join(' & ')}
              </Title>
              <AgreementTable
                first="Reason"
                testId="agreement-reasons"
                rows={pair.perReason.map((r) => ({ key: r.reasonId, label: r.label, stats: r }))}
              />
              <Text fz="xs" c="dimmed" mt="xs">
                Over the records both excluded: did both cite the reason?
              </Text>
            </Card>
          ),
        )}
    </Stack>
  );
}
