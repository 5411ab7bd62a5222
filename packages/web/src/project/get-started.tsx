import { Anchor, Badge, Card, Group, List, Text, ThemeIcon, Title } from '@mantine/core';
import { IconCheck, IconCircleDashed } from '@tabler/icons-react';
import type { Member, Project } from '@weft/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

interface Step {
  key: string;
  done: boolean;
  label: ReactNode;
  hint?: ReactNode;
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
          <Anchor component={Link} to={`/projects/${project.id}/members`} fz="sm">
            Add your team
          </Anchor>{' '}
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
      <Text fz="xs" c="dimmed" mt="md" pt="sm" style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}>
        Coming next in Weft: importing search results, screening and coding. This version manages the project
        and its team.
      </Text>
    </Card>
  );
}
