import type { Member, Project, Role } from '@weft/core';
import type { ProjectResponse } from '@weft/protocol';
import { createContext, type ReactNode, useContext, useEffect, useMemo, useRef } from 'react';
import { endpoints } from '../api/endpoints';
import { type Resource, useResource } from '../api/use-resource';
import { type LiveEvents, useLiveEvents } from '../live/use-live-events';

export interface ProjectContextValue {
  projectId: string;
  project: Project | undefined;
  role: Role | undefined;
  projectResource: Resource<ProjectResponse>;
  members: Member[] | undefined;
  membersResource: Resource<{ members: Member[] }>;
  live: LiveEvents;
}

const ProjectContext = createContext<ProjectContextValue | null>(null);

/**
 * Everything about the open project that several screens share: the project itself, the
 * caller's role, the members, and the live event log. Events from other people refresh the
 * project and the member list, so every screen stays current without a reload.
 */
export function ProjectProvider({ projectId, children }: { projectId: string; children: ReactNode }) {
  const projectResource = useResource(projectId, () => endpoints.project(projectId));
  const membersResource = useResource(projectId, () => endpoints.members(projectId));
  const live = useLiveEvents(projectId);
  const handled = useRef({ projectId, seq: 0 });

  const { reload: reloadProject } = projectResource;
  const { reload: reloadMembers } = membersResource;
  useEffect(() => {
    if (handled.current.projectId !== projectId) handled.current = { projectId, seq: 0 };
    const fresh = live.events.filter((e) => e.seq > handled.current.seq);
    if (fresh.length === 0) return;
    handled.current.seq = live.lastSeq;
    // The replay at connect time is history the first load already reflects.
    const known = projectResource.data?.project.lastSeq ?? Number.POSITIVE_INFINITY;
    const news = fresh.filter((e) => e.seq > known);
    if (news.some((e) => e.eventType.startsWith('project.') || e.eventType.startsWith('member.')))
      void reloadProject();
    if (news.some((e) => e.eventType.startsWith('member.') || e.eventType.startsWith('demo.')))
      void reloadMembers();
  }, [live.events, live.lastSeq, projectId, projectResource.data, reloadProject, reloadMembers]);

  const value = useMemo<ProjectContextValue>(
    () => ({
      projectId,
      project: projectResource.data?.project,
      role: projectResource.data?.role,
      projectResource,
      members: membersResource.data?.members,
      membersResource,
      live,
    }),
    [projectId, projectResource, membersResource, live],
  );
  return <ProjectContext.Provider value={value}>{children}</ProjectContext.Provider>;
}

/** The open project, or null outside a project's pages. */
export function useOpenProject(): ProjectContextValue | null {
  return useContext(ProjectContext);
}

export function useProject(): ProjectContextValue {
  const value = useContext(ProjectContext);
  if (!value) throw new Error('useProject outside ProjectProvider');
  return value;
}
