import { Anchor, Badge, Card, Group, List, Text, ThemeIcon, Title } from '@mantine/core';
import { IconCheck, IconCircleDashed } from '@tabler/icons-react';
import type { Member, Project } from '@weft/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { codingApi } from '../api/coding';
import { identificationApi } from '../api/identification';
import { screeningApi } from '../api/screening';
import { useResource } from '../api/use-resource';

interface Step {
  key: string;
  done: boolean;
  label: ReactNode;
  hint?: ReactNode;
}

function StepLink({ to, children }: { to: string; children: ReactNode }) {
  return (
    <Anchor component={Link} to={to} fz="sm">
      {children}
    </Anchor>
  );
}

function StepIcon({ done }: { done: boolean }) {
  return done ? (
    <ThemeIcon size={22} radius="xl" color="teal" aria-label="Done">
      <IconCheck size={14} stroke={2.5} />
    </ThemeIcon>
  ) : (
    <ThemeIcon size={22} radius="xl" color="gray" variant="light" aria-label="To do">
      <IconCircleDashed size={14} />
    </ThemeIcon>
  );
}

/** A short checklist that reflects what is really set up in this project. */
export function GetStarted({
  project,
  members,
  canManageMembers,
  canDescribe,
}: {
  project: Project;
  members: Member[] | undefined;
  canManageMembers: boolean;
  canDescribe: boolean;
}) {
  const count = members?.length ?? 0;
  const base = `/projects/${project.id}`;
  // What the project holds so far; a step stays open until its read says it is done.
  const identified = useResource(project.id, () => identificationApi.counts(project.id)).data?.identified;
  const stages = useResource(project.id, () => screeningApi.stages(project.id)).data?.stages.length;
  const documents = useResource(project.id, () => codingApi.documents(project.id)).data?.documents.length;
  const steps: Step[] = [
    { key: 'create', done: true, label: 'Create the project' },
    {
      key: 'describe',
      done: project.description.trim().length > 0,
      label: 'Describe the review question',
      hint: project.description
        ? undefined
        : canDescribe
          ? 'Use “Add a description” above.'
          : 'A lead or owner can add it.',
    },
    {
      key: 'team',
      done: count > 1,
      label: (
        <>
          <StepLink to={`${base}/members`}>Add your team</StepLink>{' '}
          <Text span c="dimmed" fz="sm">
            ({count} {count === 1 ? 'member' : 'members'})
          </Text>
        </>
      ),
      hint:
        count > 1
          ? undefined
          : canManageMembers
            ? 'Screening and coding work best with two or more people.'
            : undefined,
    },
    {
      key: 'import',
      done: (identified ?? 0) > 0,
      label: <StepLink to={`${base}/identification`}>Import search results</StepLink>,
      hint: identified ? `${identified} records identified.` : 'RIS, PubMed, EndNote, BibTeX, CSV or XLSX.',
    },
    {
      key: 'screening',
      done: (stages ?? 0) > 0,
      label: <StepLink to={`${base}/screening`}>Set up screening</StepLink>,
      hint: stages ? undefined : 'Title and abstract, then full text; single or dual.',
    },
    {
      key: 'documents',
      done: (documents ?? 0) > 0,
      label: <StepLink to={`${base}/documents`}>Add documents to code</StepLink>,
      hint: documents
        ? `${documents} ${documents === 1 ? 'document' : 'documents'}.`
        : 'Transcripts, papers or notes, or a project from NVivo, ATLAS.ti or MAXQDA.',
    },
  ];
  const done = steps.filter((s) => s.done).length;
  return (
    <Card withBorder radius="md" padding="lg">
      <Group justify="space-between" mb="sm">
        <Title order={2} fz="lg">
          Get started
        </Title>
        <Badge variant="light" tt="none" color={done === steps.length ? 'teal' : 'gray'}>
          {done} of {steps.length}
        </Badge>
      </Group>
      <List spacing="sm" center={false} listStyleType="none" data-testid="get-started">
        {steps.map((step) => (
          <List.Item key={step.key} icon={<StepIcon done={step.done} />}>
            <Text fz="sm" td={step.done ? undefined : undefined} c={step.done ? 'dimmed' : undefined}>
              {step.label}
            </Text>
            {step.hint && (
              <Text fz="xs" c="dimmed">
                {step.hint}
              </Text>
            )}
          </List.Item>
        ))}
      </List>
    </Card>
  );
}
