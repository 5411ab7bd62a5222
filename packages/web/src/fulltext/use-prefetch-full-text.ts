import { useEffect } from 'react';
import { fulltextApi } from './fulltext-api';

const warmed = new Set<string>();

/**
 * Fetches the next record's PDF while the reviewer reads the current one, so the viewer opens it
 * from the browser's cache (the server marks a file's bytes immutable) without a visible wait.
 * Also loads the viewer's code ahead of the first PDF.
 */
export function usePrefetchFullText(projectId: string, nextRecordId: string | undefined, enabled: boolean) {
  useEffect(() => {
    if (!enabled) return;
    void import('../pdf/pdf-viewer');
    if (!nextRecordId || warmed.has(nextRecordId)) return;
    warmed.add(nextRecordId);
    (async () => {
      const { files } = await fulltextApi.recordFiles(projectId, nextRecordId);
      const last = files[files.length - 1];
      if (last) await fetch(last.url, { credentials: 'same-origin' }).then((r) => r.blob());
    })().catch(() => {
      // A failed prefetch costs nothing: the viewer asks again when the record is shown.
      warmed.delete(nextRecordId);
    });
    // Not aborted when the queue moves on: the record it fetches for is then the one on screen.
  }, [projectId, nextRecordId, enabled]);
}
