import { Alert, Grid, Stack } from '@mantine/core';
import { IconArchive } from '@tabler/icons-react';
import { ActivityFeed } from '../project/ActivityFeed';
import { ArchivePanel } from '../project/ArchivePanel';
import { EditableDescription } from '../project/EditableDescription';
import { EditableName } from '../project/EditableName';
import { GetStarted } from '../project/GetStarted';
import { useProject } from '../project/ProjectContext';
import { ProjectFacts } from '../project/ProjectFacts';
import { ProjectGate } from '../project/ProjectGate';
import { can } from '../project/permissions';

export function ProjectHomePage() {
  const { live, members, projectResource } = useProject();
  const refresh = () => void projectResource.reload();
  return (
    <ProjectGate>
      {(project, role) => (
        <Stack gap="lg">
          {project.archived && (
            <Alert
              color="gray"
              variant="light"
              icon={<IconArchive size={18} />}
              title="This project is archived"
            >
              It stays readable with its full history.{' '}
              {role === 'owner' ? 'You can restore it below.' : 'An owner can restore it.'}
            </Alert>
          )}
          <Stack gap={6}>
            <EditableName project={project} canEdit={can(role, 'project.rename')} onSaved={refresh} />
            <EditableDescription
              project={project}
              canEdit={can(role, 'project.describe')}
              onSaved={refresh}
            />
          </Stack>
          <Grid gap="lg">
            <Grid.Col span={{ base: 12, md: 7, lg: 8 }}>
              <ActivityFeed events={live.events} status={live.status} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 5, lg: 4 }}>
              <Stack gap="lg">
                <GetStarted
                  project={project}
                  members={members}
                  canManageMembers={can(role, 'member.manage')}
                  canDescribe={can(role, 'project.describe')}
                />
                <ProjectFacts project={project} role={role} members={members} />
                {can(role, 'project.archive') && <ArchivePanel project={project} onDone={refresh} />}
              </Stack>
            </Grid.Col>
          </Grid>
        </Stack>
      )}
    </ProjectGate>
  );
}
