import { useResource } from '../api/use-resource';
import { reportingApi } from './reporting-api';
import { useFollowVersion } from './use-follow-version';

export type Retrieval = 'retrieved' | 'not-retrieved' | 'unset';

const CHUNK = 200;

async function allIds(projectId: string, box: string): Promise<string[]> {
  const ids: string[] = [];
  for (let offset = 0; ; offset += CHUNK) {
    const page = await reportingApi.boxRecords(projectId, box, undefined, offset, CHUNK);
    ids.push(...page.records.map((r) => r.id));
    if (offset + CHUNK >= page.total) return ids;
  }
}

/**
 * The retrieval status of every report, read back from the diagram's own boxes: a report in a
 * "not retrieved" box was marked so, one in the "not marked" warning was never marked, any
 * other was (or, without a full-text stage, counts as) retrieved.
 */
export function useReportStatus(projectId: string, version: number, hasUnknownWarning: boolean) {
  const resource = useResource(`${projectId}:${hasUnknownWarning}`, async () => {
    const [main, other, unknown] = await Promise.all([
      allIds(projectId, 'dbr_notretrieved_reports'),
      allIds(projectId, 'other_notretrieved_reports'),
      hasUnknownWarning ? allIds(projectId, 'reports-retrieval-unknown') : Promise.resolve([]),
    ]);
    const status = new Map<string, Retrieval>();
    for (const id of unknown) status.set(id, 'unset');
    for (const id of [...main, ...other]) status.set(id, 'not-retrieved');
    return status;
  });
  useFollowVersion(version, resource.reload);
  return resource;
}
