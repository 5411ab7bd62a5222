import type { Member, Project, Role } from '@weft/core';
import type {
  MembersResponse,
  ProjectListResponse,
  ProjectResponse,
  ProjectSummaryView,
} from '@weft/protocol';

export function presentProjectList(projects: ProjectSummaryView[]): ProjectListResponse {
  return { projects };
}

export function presentProject(project: Project, role: Role): ProjectResponse {
  return { project, role };
}

export function presentMembers(members: Member[]): MembersResponse {
  return { members };
}
