import { Button, Center, Loader, Stack, Text, Title } from '@mantine/core';
import type { Project, Role } from '@weft/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { isApiError } from '../api/problem';
import { LoadError } from '../ui/load-error';
import { useProject } from './project-context';

/** Renders its children once the open project has loaded; explains 404 and 403 otherwise. */
export function ProjectGate({ children }: { children: (project: Project, role: Role) => ReactNode }) {
  const { project, role, projectResource } = useProject();
  if (project && role) return <>{children(project, role)}</>;
  const { error, reload } = projectResource;
  if (error === undefined)
    return (
      <Center py="xl">
        <Loader aria-label="Loading project" />
      </Center>
    );
  if (isApiError(error) && (error.status === 404 || error.status === 403))
    return (
      <Stack align="center" gap="sm" py="xl" ta="center">
        <Title order={1} fz="h3">
          {error.status === 404 ? 'No such project' : 'You are not a member of this project'}
        </Title>
        <Text c="dimmed" maw={460}>
          {error.status === 404
            ? 'It may have been removed, or the link is mistyped.'
            : 'Ask one of its owners or leads to add you.'}
        </Text>
        <Button component={Link} to="/" variant="light">
          Back to all projects
        </Button>
      </Stack>
    );
  return <LoadError error={error} what="this project" onRetry={reload} />;
}
