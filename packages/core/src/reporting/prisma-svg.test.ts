import { describe, expect, it } from 'vitest';
import { computePrismaFlow } from './prisma-flow.js';
import type { PrismaFlowInput } from './prisma-flow-input.js';
import { renderPrismaSvg } from './prisma-svg.js';

const input: PrismaFlowInput = {
  searches: [
    { id: 'a', name: 'MEDLINE via Ovid', sourceType: 'database' },
    { id: 'b', name: 'Reference lists', sourceType: 'citation-searching' },
  ],
  records: [
    {
      id: 'r1',
      searchId: 'a',
      duplicateRemoval: null,
      recordDecision: 'include',
      report: { retrieved: true, decision: 'include', reasons: [], studyId: 'S1' },
    },
    {
      id: 'r2',
      searchId: 'a',
      duplicateRemoval: null,
      recordDecision: 'include',
      report: {
        retrieved: true,
        decision: 'exclude',
        reasons: ['Wrong <population> & setting'],
        studyId: 'r2',
      },
    },
    { id: 'r3', searchId: 'a', duplicateRemoval: 'automatic', recordDecision: null },
    { id: 'r4', searchId: 'b', duplicateRemoval: null, recordDecision: null },
  ],
  hasEligibilityStage: true,
  previous: null,
};

describe('renderPrismaSvg', () => {
  it('draws every box with its number and key, escaping names', () => {
    const svg = renderPrismaSvg(computePrismaFlow(input), {
      labels: { database_results: 'Bibliographic databases' },
    });
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    for (const key of [
      'database_results',
      'duplicates',
      'records_screened',
      'records_excluded',
      'dbr_sought_reports',
      'dbr_notretrieved_reports',
      'dbr_assessed',
      'dbr_excluded',
      'new_studies',
      'website_results',
      'other_sought_reports',
    ])
      expect(svg).toContain(`data-box="${key}"`);
    expect(svg).toContain('Bibliographic databases (n\u00a0=\u00a03)');
    expect(svg).toContain('Records screened (n\u00a0=\u00a02)');
    expect(svg).toContain('Wrong &lt;population&gt; &amp;');
    expect(svg).not.toContain('data-box="total_studies"');
  });

  it('adds the previous-version column and total box for an updated review', () => {
    const svg = renderPrismaSvg(computePrismaFlow({ ...input, previous: { studies: 7, reports: 9 } }));
    expect(svg).toContain('data-box="previous_studies"');
    expect(svg).toMatch(/Total studies included in.*\(n\u00a0=\u00a08\)/);
  });

  it('makes each phase bar at least as tall as its rotated label, in both layouts', () => {
    // Measured in Chromium (Helvetica/Arial bold 13 px): "Included" 54 px, "Identification" 81 px,
    // "Screening" 63 px; the bar needs them plus its padding. A new review's included box alone
    // (two lines, 54 px) used to leave "Included" overflowing its bar.
    const measured: Record<string, number> = { Identification: 81, Screening: 63, Included: 54 };
    for (const previous of [null, { studies: 3, reports: 4 }]) {
      const svg = renderPrismaSvg(computePrismaFlow({ ...input, previous }));
      const bars = [
        ...svg.matchAll(
          /<g class="prisma-phase"><rect [^>]*height="([\d.]+)"[^>]*\/><text [^>]*>([^<]+)<\/text>/g,
        ),
      ].map((m) => [m[2] as string, Number(m[1])] as const);
      expect(bars.map(([label]) => label)).toEqual(['Identification', 'Screening', 'Included']);
      for (const [label, height] of bars)
        expect(height, label).toBeGreaterThanOrEqual((measured[label] ?? 0) + 20);
    }
  });
});
