import { Alert, Grid, Stack } from '@mantine/core';
import { IconArchive } from '@tabler/icons-react';
import { MemoPanel } from '../memos/memo-panel';
import { ActivityFeed } from '../project/activity-feed';
import { ArchivePanel } from '../project/archive-panel';
import { EditableDescription } from '../project/editable-description';
import { EditableName } from '../project/editable-name';
import { GetStarted } from '../project/get-started';
import { can } from '../project/permissions';
import { useProject } from '../project/project-context';
import { ProjectFacts } from '../project/project-facts';
import { ProjectGate } from '../project/project-gate';
import { QdpxExportButtons } from '../qdpx/qdpx-export-buttons';

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
                <MemoPanel projectId={project.id} target={{ kind: 'project', id: project.id }} compact />
                <QdpxExportButtons projectId={project.id} />
                {can(role, 'project.archive') && <ArchivePanel project={project} onDone={refresh} />}
              </Stack>
            </Grid.Col>
          </Grid>
        </Stack>
      )}
    </ProjectGate>
  );
}
