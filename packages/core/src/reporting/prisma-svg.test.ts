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
});
