import { Button, Center, Group, Loader, SegmentedControl, SimpleGrid, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconArchive, IconPlus } from '@tabler/icons-react';
import type { ProjectSummaryView } from '@weft/protocol';
import { useState } from 'react';
import { endpoints } from '../api/endpoints';
import { useResource } from '../api/use-resource';
import { ArchivedProjectAction } from '../projects/archived-project-action';
import { CreateProjectModal } from '../projects/create-project-modal';
import { DemoOffer } from '../projects/demo-offer';
import { ProjectCard } from '../projects/project-card';
import { QdpxImportButton } from '../qdpx/qdpx-import-button';
import { LoadError } from '../ui/load-error';
import { PageHeader } from '../ui/page-header';

const byRecent = (a: ProjectSummaryView, b: ProjectSummaryView) => b.createdAt.localeCompare(a.createdAt);

export function ProjectsPage() {
  const { data, error, loading, reload } = useResource('projects', endpoints.projects);
  const [creating, { open, close }] = useDisclosure(false);
  const [view, setView] = useState<'active' | 'archived'>('active');

  const projects = data?.projects ?? [];
  const active = projects.filter((p) => !p.archived).sort(byRecent);
  const archived = projects.filter((p) => p.archived).sort(byRecent);
  // With nothing archived the filter disappears, so fall back to the active list.
  const showing = archived.length === 0 ? 'active' : view;
  const shown = showing === 'active' ? active : archived;

  return (
    <>
      <PageHeader
        title="Projects"
        description="Each project is one review, shared with its team."
        actions={
          data && (
            <Group gap="sm">
              <QdpxImportButton onImported={reload} />
              {projects.length > 0 && (
                <Button leftSection={<IconPlus size={18} />} onClick={open}>
                  New project
                </Button>
              )}
            </Group>
          )
        }
      />
      <CreateProjectModal opened={creating} onClose={close} />
      {error !== undefined && !data && <LoadError error={error} what="your projects" onRetry={reload} />}
      {loading && !data && (
        <Center py="xl">
          <Loader aria-label="Loading projects" />
        </Center>
      )}
      {data && projects.length === 0 && <DemoOffer onCreate={open} />}
      {data && projects.length > 0 && (
        <Stack gap="md">
          {archived.length > 0 && (
            <SegmentedControl
              w="fit-content"
              value={view}
              onChange={(v) => setView(v as 'active' | 'archived')}
              data={[
                { value: 'active', label: `Active (${active.length})` },
                { value: 'archived', label: `Archived (${archived.length})` },
              ]}
              aria-label="Show active or archived projects"
            />
          )}
          {shown.length === 0 ? (
            <Stack align="center" gap="xs" py="xl">
              <IconArchive size={28} stroke={1.5} color="var(--mantine-color-gray-5)" aria-hidden="true" />
              <Text c="dimmed" ta="center" maw={420}>
                {showing === 'active'
                  ? 'Every project is archived. Create a new project, or restore one from the archive.'
                  : 'No archived projects.'}
              </Text>
            </Stack>
          ) : (
            <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }} spacing="md">
              {shown.map((project) => (
                <ProjectCard
                  key={project.id}
                  project={project}
                  action={
                    project.archived ? <ArchivedProjectAction project={project} onDone={reload} /> : undefined
                  }
                />
              ))}
            </SimpleGrid>
          )}
        </Stack>
      )}
    </>
  );
}
