import type { PrismaBoxRecordsResponse } from '@weft/protocol';
import { useResource } from '../api/use-resource';
import { reportingApi } from './reporting-api';
import { useFollowVersion } from './use-follow-version';

export const BOX_PAGE_SIZE = 25;

/**
 * One page of the records behind a box (or a list entry, or a warning). `version` is bumped by
 * the caller when the project changes, so an open list follows the diagram.
 */
export function usePagedBoxRecords(
  projectId: string,
  box: string | null,
  name: string | undefined,
  page: number,
  version: number,
  pageSize = BOX_PAGE_SIZE,
) {
  const key = box === null ? null : JSON.stringify([projectId, box, name ?? null, page, pageSize]);
  const resource = useResource<PrismaBoxRecordsResponse>(key, () =>
    reportingApi.boxRecords(projectId, box ?? '', name, (page - 1) * pageSize, pageSize),
  );
  useFollowVersion(version, resource.reload);
  return resource;
}
