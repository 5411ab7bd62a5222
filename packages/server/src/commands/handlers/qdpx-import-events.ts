import type { CodingChange } from '@weft/core';
import type { QdpxImportPlan } from './qdpx-import-plan.js';

/** The imported codebook and codings as the ordinary coding events they would have been. */
export function importChanges(plan: QdpxImportPlan): CodingChange[] {
  const codes: CodingChange[] = plan.eventCodes.map((code) => ({
    eventType: 'code.created',
    payload: { code },
  }));
  const codings: CodingChange[] = plan.codings.map((c) => ({
    eventType: 'coding.added',
    payload: {
      coding: {
        type: 'coding',
        id: c.id as string,
        codeId: c.code_id as string,
        documentId: c.document_id as string,
        versionId: c.version_id as string,
        anchor: {
          position: { type: 'text-position', start: c.start_offset as number, end: c.end_offset as number },
          quote: {
            type: 'text-quote',
            exact: c.exact as string,
            prefix: c.prefix as string,
            suffix: c.suffix as string,
          },
        },
        coderId: c.coder_id as string,
        createdAt: new Date(c.created_at as Date).toISOString(),
      },
    },
  }));
  return [...codes, ...codings];
}
