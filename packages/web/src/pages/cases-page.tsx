import { Center, Loader } from '@mantine/core';
import { mayDo } from '@weft/core';
import { useResource } from '../api/use-resource';
import { casesApi, isCasesEvent } from '../cases/cases-api';
import { CasesWorkspace } from '../cases/cases-workspace';
import { useProjectEvents } from '../live/use-project-events';
import { useProject } from '../project/project-context';
import { ProjectGate } from '../project/project-gate';
import { LoadError } from '../ui/load-error';
import { PageHeader } from '../ui/page-header';

/** Cases and their attributes: NVivo's classification sheets, one tab per classification. */
export function CasesPage() {
  const { projectId } = useProject();
  const resource = useResource(`cases:${projectId}`, () => casesApi.sheet(projectId));
  useProjectEvents(() => void resource.reload(), { relevant: isCasesEvent, delayMs: 250, skipReplay: true });
  return (
    <ProjectGate>
      {(project, role) => (
        <>
          <PageHeader
            title="Cases"
            description={`Studies, participants, organisations and sites of “${project.name}”, with their attributes: the classification sheets queries compare by.`}
          />
          {resource.data ? (
            <CasesWorkspace projectId={projectId} resource={resource} editable={mayDo(role, 'case.create')} />
          ) : resource.error !== undefined ? (
            <LoadError error={resource.error} what="the cases" onRetry={resource.reload} />
          ) : (
            <Center py="xl">
              <Loader aria-label="Loading cases" />
            </Center>
          )}
        </>
      )}
    </ProjectGate>
  );
}
