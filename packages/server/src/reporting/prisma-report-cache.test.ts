import { availableBackends, createTestStore } from '@weft/storage/testing';
import { describe, expect, it } from 'vitest';
import { PrismaReportCache } from './prisma-report-cache.js';

describe.each(availableBackends())('PrismaReportCache on %s', (backend) => {
  it('computes once per event-log position and again when the log moves', async () => {
    const store = await createTestStore(backend);
    try {
      const cache = new PrismaReportCache(1);
      const project = { id: '00000000-0000-4000-8000-000000000001', lastSeq: 3 };
      const first = cache.get(store.db, project);
      expect(cache.get(store.db, project)).toBe(first);
      const moved = cache.get(store.db, { ...project, lastSeq: 4 });
      expect(moved).not.toBe(first);
      // Capacity 1: another project evicts this one.
      cache.get(store.db, { id: '00000000-0000-4000-8000-000000000002', lastSeq: 1 });
      expect(cache.get(store.db, { ...project, lastSeq: 4 })).not.toBe(moved);
      expect((await moved).flow.counts.records_screened.count).toBe(0);
    } finally {
      await store.close();
    }
  });
});
