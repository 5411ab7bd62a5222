import { Card, Group, Stack, Text } from '@mantine/core';
import { IconUsers } from '@tabler/icons-react';
import type { ProjectSummaryView } from '@weft/protocol';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { RoleBadge } from '../ui/role-badge';
import { LastActivity } from './last-activity';

export function ProjectCard({ project, action }: { project: ProjectSummaryView; action?: ReactNode }) {
  return (
    <Card withBorder radius="md" padding="lg" data-testid="project-card">
      <Stack gap="sm" h="100%">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
          <Text
            component={Link}
            to={`/projects/${project.id}`}
            fw={650}
            fz="lg"
            lh={1.3}
            c="dark.8"
            className="card-title-link"
            lineClamp={2}
          >
            {project.name}
          </Text>
          <RoleBadge role={project.role} />
        </Group>
        <Text fz="sm" c={project.description ? 'dark.4' : 'dimmed'} lineClamp={2} style={{ flex: 1 }}>
          {project.description || 'No description yet.'}
        </Text>
        <Group
          justify="space-between"
          wrap="nowrap"
          gap="sm"
          pt="xs"
          style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}
        >
          <Group gap={6} wrap="nowrap" style={{ minWidth: 0, flex: 1 }}>
            <LastActivity projectId={project.id} lastSeq={project.lastSeq} />
          </Group>
          <Group gap={4} wrap="nowrap" c="dimmed" aria-label={`${project.memberCount} members`}>
            <IconUsers size={14} aria-hidden="true" />
            <Text fz="xs" c="dimmed">
              {project.memberCount}
            </Text>
          </Group>
        </Group>
        {action}
      </Stack>
    </Card>
  );
}
