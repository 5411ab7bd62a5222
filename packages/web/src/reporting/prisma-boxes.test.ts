import { computePrismaFlow, type PrismaFlowInput, renderPrismaSvg } from '@weft/core';
import { describe, expect, it } from 'vitest';
import { boxParts, PRISMA_LABELS } from './prisma-boxes';

// An updated review with both columns drawn, so every box of the template is on the page.
const input: PrismaFlowInput = {
  searches: [
    { id: 'a', name: 'MEDLINE', sourceType: 'database' },
    { id: 'b', name: 'Reference lists', sourceType: 'citation-searching' },
  ],
  records: [
    {
      id: 'r1',
      searchId: 'a',
      duplicateRemoval: null,
      recordDecision: 'include',
      report: { retrieved: true, decision: 'exclude', reasons: ['Wrong setting'], studyId: 'r1' },
    },
    {
      id: 'r2',
      searchId: 'b',
      duplicateRemoval: null,
      recordDecision: 'include',
      report: { retrieved: true, decision: 'exclude', reasons: ['Wrong design'], studyId: 'r2' },
    },
  ],
  hasEligibilityStage: true,
  previous: { studies: 3, reports: 4 },
};
const flow = computePrismaFlow(input);
const drawnKeys = [...renderPrismaSvg(flow).matchAll(/class="prisma-box" data-box="([^"]+)"/g)].map(
  (m) => m[1],
);
const TITLE_BOXES = ['newstud', 'othstud', 'prevstud'];

describe('the diagram boxes the page makes clickable', () => {
  it('knows every drawn box: each one has records to list, or is a column title', () => {
    expect(drawnKeys.length).toBeGreaterThan(15);
    for (const key of TITLE_BOXES) expect(boxParts(key)).toBeUndefined();
    const unknown = drawnKeys.filter(
      (key) => !TITLE_BOXES.includes(key as string) && !boxParts(key as string),
    );
    expect(unknown).toEqual([]);
  });

  it('lists every editable text with the wording the diagram draws when it is not edited', () => {
    const plain = renderPrismaSvg(flow).replace(/\u00a0/g, ' ');
    for (const { key, text } of PRISMA_LABELS) {
      const changed = renderPrismaSvg(flow, { labels: { [key]: 'CHANGED-TEXT' } }).replace(/\u00a0/g, ' ');
      // The label is used by the diagram, and its default is what it draws otherwise.
      expect({ key, used: changed.includes('CHANGED-TEXT') }).toEqual({ key, used: true });
      expect({
        key,
        drawn: plain
          .replace(/<[^>]+>/g, ' ')
          .replace(/\s+/g, ' ')
          .includes(firstWords(text)),
      }).toEqual({
        key,
        drawn: true,
      });
    }
  });
});

/** Long texts wrap across lines of the drawing: compare their first words only. */
function firstWords(text: string): string {
  return text.split(' ').slice(0, 3).join(' ');
}
