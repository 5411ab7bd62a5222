import { useMemo } from 'react';
import { useResource } from '../api/use-resource';
import { useProjectEvents } from '../live/use-project-events';
import { fulltextApi, isFullTextEvent } from './fulltext-api';

/** The records that have a full text attached (null while loading, or when not asked for). */
export function useFullTextRecords(projectId: string, enabled: boolean): Set<string> | null {
  const files = useResource(enabled ? `${projectId}|full-text-records` : null, () =>
    fulltextApi.allFiles(projectId),
  );
  const { reload } = files;
  useProjectEvents(() => void (enabled && reload()), {
    relevant: isFullTextEvent,
    skipReplay: true,
    delayMs: 300,
  });
  return useMemo(() => (files.data ? new Set(files.data.files.map((f) => f.recordId)) : null), [files.data]);
}
