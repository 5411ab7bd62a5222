import { Alert, Card, Stack, Text, Title } from '@mantine/core';
import { mayDo } from '@weft/core';
import type { StageView } from '@weft/protocol';
import type { ReactNode } from 'react';
import { useParams } from 'react-router';
import { useProject } from '../project/project-context';
import { CriteriaEditor } from '../screening/criteria-editor';
import { ReasonsEditor } from '../screening/reasons-editor';
import { StageFrame } from '../screening/stage-frame';
import { StageSettingsForm } from '../screening/stage-settings-form';

function Section({
  title,
  description,
  children,
}: {
  title: string;
  description: string;
  children: ReactNode;
}) {
  return (
    <Card withBorder radius="md" p="lg">
      <Title order={2} fz="h4">
        {title}
      </Title>
      <Text fz="sm" c="dimmed" mb="md" maw={640}>
        {description}
      </Text>
      {children}
    </Card>
  );
}

/** The lead's settings of one stage: mode and reviewers, criteria and keywords, exclusion reasons. */
export function ScreeningSettingsPage() {
  const { stageKey = '' } = useParams();
  const { role } = useProject();
  return (
    <StageFrame stageKey={stageKey} tab="settings">
      {(stage, stages) =>
        mayDo(role, 'stage.update') ? (
          <Editors stage={stage} reload={() => void stages.resource.reload()} />
        ) : (
          <Alert color="gray" variant="light">
            The lead sets up stages: mode, reviewers, criteria, keywords and exclusion reasons.
          </Alert>
        )
      }
    </StageFrame>
  );
}

function Editors({ stage, reload }: { stage: StageView; reload: () => void }) {
  // Each editor restarts from the server's copy when its own part changes (after a save or someone
  // else's edit), and keeps unsaved edits when another part changes.
  const settingsKey = JSON.stringify([
    stage.name,
    stage.mode,
    stage.samplePercent,
    stage.reviewerIds,
    stage.reasonRequired,
  ]);
  const criteriaKey = JSON.stringify([stage.criteria, stage.includeKeywords, stage.excludeKeywords]);
  const reasonsKey = JSON.stringify(stage.reasons.map((r) => [r.id, r.label, r.position]));
  return (
    <Stack gap="lg">
      <Section title="Screening" description="How many reviewers decide each record, and who they are.">
        <StageSettingsForm key={`${stage.id}|${settingsKey}`} stage={stage} onSaved={reload} />
      </Section>
      <Section
        title="Criteria and keywords"
        description="Shown beside every record. Keywords are highlighted in titles, abstracts and keywords."
      >
        <CriteriaEditor key={`${stage.id}|${criteriaKey}`} stage={stage} onSaved={reload} />
      </Section>
      <Section
        title="Exclusion reasons"
        description="Shared by the team; the first nine are picked with the number keys while screening."
      >
        <ReasonsEditor key={`${stage.id}|${reasonsKey}`} stage={stage} onSaved={reload} />
      </Section>
    </Stack>
  );
}
