import { Anchor, Badge, Button, Card, Center, Group, Loader, Stack, Tabs, Text, Title } from '@mantine/core';
import {
  IconAdjustments,
  IconChartBar,
  IconEye,
  IconGauge,
  IconGitCompare,
  IconListDetails,
} from '@tabler/icons-react';
import { mayDo } from '@weft/core';
import type { StageView } from '@weft/protocol';
import type { ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import { useProject } from '../project/project-context';
import { ProjectGate } from '../project/project-gate';
import { LoadError } from '../ui/load-error';
import { modeLabel, stagePath } from './stage-labels';
import { type Stages, useStages } from './use-stages';

export type StageTab = 'screen' | 'list' | 'conflicts' | 'agreement' | 'dashboard' | 'settings';

const TABS: Array<{ value: StageTab; label: string; icon: ReactNode; path: string }> = [
  { value: 'screen', label: 'Screen', icon: <IconEye size={15} />, path: '' },
  { value: 'list', label: 'Records', icon: <IconListDetails size={15} />, path: 'list' },
  { value: 'conflicts', label: 'Conflicts', icon: <IconGitCompare size={15} />, path: 'conflicts' },
  { value: 'agreement', label: 'Agreement', icon: <IconChartBar size={15} />, path: 'agreement' },
  { value: 'dashboard', label: 'Dashboard', icon: <IconGauge size={15} />, path: 'dashboard' },
  { value: 'settings', label: 'Settings', icon: <IconAdjustments size={15} />, path: 'settings' },
];

/**
 * The frame of every page of one stage: its name, mode and state, and the tabs between its
 * views. Explains a missing stage, and sends a project without stages to the set-up page.
 */
export function StageFrame({
  stageKey,
  tab,
  children,
}: {
  stageKey: string;
  tab: StageTab;
  children: (stage: StageView, stages: Stages) => ReactNode;
}) {
  const { projectId, role } = useProject();
  const stages = useStages(stageKey);
  // Settings are the lead's; others would only find a note saying so.
  const tabs = TABS.filter((t) => t.value !== 'settings' || mayDo(role, 'stage.update'));
  const navigate = useNavigate();
  const { resource, stage } = stages;
  return (
    <ProjectGate>
      {() =>
        resource.error !== undefined && !resource.data ? (
          <LoadError error={resource.error} what="the screening stages" onRetry={resource.reload} />
        ) : !resource.data ? (
          <Center py="xl">
            <Loader aria-label="Loading screening" />
          </Center>
        ) : !stage ? (
          <Card withBorder radius="md" p="xl" ta="center">
            <Stack align="center" gap="xs">
              <Title order={1} fz="h3">
                No stage “{stageKey}”
              </Title>
              <Text c="dimmed" fz="sm">
                This project has no screening stage with that name.
              </Text>
              <Button component={Link} to={`/projects/${projectId}/screening`} variant="light">
                All screening stages
              </Button>
            </Stack>
          </Card>
        ) : (
          <>
            <Group justify="space-between" align="flex-end" mb="xs" gap="sm">
              <Stack gap={2}>
                <Anchor
                  component={Link}
                  to={`/projects/${projectId}/screening`}
                  fz="xs"
                  fw={700}
                  tt="uppercase"
                  c="dimmed"
                  style={{ letterSpacing: '0.06em' }}
                >
                  Screening · stage {stage.position}
                </Anchor>
                <Title order={1} fz={24}>
                  {stage.name}
                </Title>
              </Stack>
              <Group gap={6}>
                <Badge variant="light" color="gray">
                  {modeLabel(stage)}
                </Badge>
                {stage.blinded && stage.mode !== 'single' && (
                  <Badge variant="light" color="grape">
                    Blinded
                  </Badge>
                )}
                {stage.status !== 'open' && (
                  <Badge variant="filled" color={stage.status === 'closed' ? 'gray' : 'orange'}>
                    {stage.status === 'closed' ? 'Closed' : 'Stopped'}
                  </Badge>
                )}
              </Group>
            </Group>
            <Tabs
              value={tab}
              onChange={(value) => {
                const target = tabs.find((t) => t.value === value);
                if (target) navigate(stagePath(projectId, stage.key, target.path));
              }}
              mb="md"
            >
              <Tabs.List>
                {tabs.map((t) => (
                  <Tabs.Tab
                    key={t.value}
                    value={t.value}
                    leftSection={t.icon}
                    rightSection={
                      t.value === 'conflicts' && stage.progress.conflicts > 0 ? (
                        <Badge
                          size="sm"
                          color="orange"
                          variant="filled"
                          circle
                          data-testid="tab-conflicts-count"
                        >
                          {stage.progress.conflicts}
                        </Badge>
                      ) : undefined
                    }
                  >
                    {t.label}
                  </Tabs.Tab>
                ))}
              </Tabs.List>
            </Tabs>
            {children(stage, stages)}
          </>
        )
      }
    </ProjectGate>
  );
}
