import type { StageView } from '@weft/protocol';
import { screeningApi } from '../api/screening';
import { type Resource, useResource } from '../api/use-resource';
import { useProject } from '../project/project-context';
import { useScreeningEvents } from './use-screening-events';

export interface Stages {
  resource: Resource<{ stages: StageView[] }>;
  stages: StageView[] | undefined;
  /** The stage named by `key` (undefined while loading or when there is none). */
  stage: StageView | undefined;
}

/** The project's screening stages, kept current by the live feed. */
export function useStages(stageKey?: string): Stages {
  const { projectId } = useProject();
  const resource = useResource(`${projectId}|stages`, () => screeningApi.stages(projectId));
  const { reload } = resource;
  useScreeningEvents(() => void reload());
  const stages = resource.data?.stages;
  const stage = stageKey ? stages?.find((s) => s.key === stageKey) : undefined;
  return { resource, stages, stage };
}
