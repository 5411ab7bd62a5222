import type { CodebookResponse } from '@weft/protocol';
import { useCallback } from 'react';
import { codingApi } from '../api/coding';
import { type Resource, useResource } from '../api/use-resource';
import { useProjectEvents } from '../live/use-project-events';

/** Event types after which the codebook (its codes or their coding counts) may read differently. */
export const isCodebookEvent = (eventType: string) =>
  eventType.startsWith('code.') || eventType.startsWith('coding.') || eventType.startsWith('codebook.');

/**
 * The project's codebook, now or as of a time, refreshed when anyone changes codes or codings.
 * A past codebook cannot change, so it is not refreshed.
 */
export function useCodebook(projectId: string, asOf?: string): Resource<CodebookResponse> {
  const codebook = useResource(`${projectId}|${asOf ?? ''}`, () => codingApi.codebook(projectId, asOf));
  const { reload } = codebook;
  useProjectEvents(
    useCallback(() => {
      if (!asOf) void reload();
    }, [asOf, reload]),
    { relevant: isCodebookEvent, delayMs: 150, skipReplay: true },
  );
  return codebook;
}
