import type { CodingView } from '@weft/protocol';
import { useMemo } from 'react';
import type { CodeInfo } from './code-colours';
import type { LegendEntry } from './document-codes-legend';

/**
 * One stripe lane per code (or per code and coder), in codebook order, and the legend that
 * names the lanes.
 */
export function useStripeLanes(
  codings: readonly CodingView[],
  codeList: readonly CodeInfo[],
  codes: ReadonlyMap<string, CodeInfo>,
  names: ReadonlyMap<string, string>,
  byCoder: boolean,
): { laneOf: (c: CodingView) => number; laneCount: number; legend: LegendEntry[] } {
  return useMemo(() => {
    const order = new Map(codeList.map((c, i) => [c.id, i]));
    const keyOf = (c: CodingView) => (byCoder ? `${c.codeId}/${c.coderId}` : c.codeId);
    const counts = new Map<string, { codeId: string; coderId: string; count: number }>();
    for (const c of codings) {
      const key = keyOf(c);
      const entry = counts.get(key);
      if (entry) entry.count++;
      else counts.set(key, { codeId: c.codeId, coderId: c.coderId, count: 1 });
    }
    const keys = [...counts.keys()].sort((a, b) => {
      const x = counts.get(a) as { codeId: string; coderId: string };
      const y = counts.get(b) as { codeId: string; coderId: string };
      return (
        (order.get(x.codeId) ?? 1e9) - (order.get(y.codeId) ?? 1e9) || x.coderId.localeCompare(y.coderId)
      );
    });
    const lanes = new Map(keys.map((k, i) => [k, i]));
    const entries: LegendEntry[] = keys.map((k, lane) => {
      const entry = counts.get(k) as { codeId: string; coderId: string; count: number };
      return {
        lane,
        codeId: entry.codeId,
        code: codes.get(entry.codeId),
        coderName: byCoder ? (names.get(entry.coderId) ?? 'someone') : undefined,
        count: entry.count,
      };
    });
    return { laneOf: (c: CodingView) => lanes.get(keyOf(c)) ?? 0, laneCount: keys.length, legend: entries };
  }, [codings, codeList, codes, byCoder, names]);
}
