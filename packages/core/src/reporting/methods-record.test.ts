import { describe, expect, it } from 'vitest';
import { buildMethodsRecord, type MethodsRecordInput, methodsRecordMarkdown } from './methods-record.js';
import type { PrismaFlowJson } from './prisma-template.js';

const prisma = {
  records_screened: 120,
  records_excluded: 100,
  dbr_sought_reports: 20,
  other_sought_reports: 2,
  dbr_notretrieved_reports: 1,
  other_notretrieved_reports: 0,
  dbr_assessed: 19,
  other_assessed: 2,
  dbr_excluded: { 'Wrong population': 10, 'Wrong study design': 3 },
  other_excluded: {},
  total_studies: 7,
  total_reports: 8,
} as unknown as PrismaFlowJson;

const input: MethodsRecordInput = {
  projectName: 'Integrated care review',
  softwareVersion: '0.1.0',
  generatedAt: '2026-11-23T16:20:00.000Z',
  searches: [
    {
      name: 'MEDLINE',
      sourceType: 'database',
      platform: 'Ovid',
      dateRun: '2020-03-01',
      query: 'collaborat* AND (health | social)',
      reportedCount: 130,
      imported: 128,
    },
    {
      name: 'Reference lists',
      sourceType: 'citation-searching',
      platform: '',
      dateRun: null,
      query: '',
      reportedCount: null,
      imported: 4,
    },
  ],
  deduplication: { identified: 132, automatic: 9, manual: 1, pendingPairs: 0, remaining: 122 },
  stages: [
    {
      name: 'Title and abstract',
      mode: 'sample',
      samplePercent: 10,
      sampleSeed: 42,
      status: 'closed',
      eligible: 122,
      decided: 122,
      reviewers: 2,
      importedDecisions: 0,
      criteria: [{ group: 'population', kind: 'include', text: 'Adults using health | social care' }],
      reasons: [],
      agreement: {
        n: 12,
        percentAgreement: 11 / 12,
        kappa: 0.8,
        kappaCi95: [0.42, 1],
        pabak: 0.833,
        gwetAc1: 0.86,
      },
      conflicts: { consensus: 1, thirdReviewer: 0, unresolved: 0 },
      stops: [],
      model: null,
    },
  ],
  prisma,
};

describe('buildMethodsRecord', () => {
  const doc = buildMethodsRecord(input);
  const text = methodsRecordMarkdown(doc);

  it('states the screening mode, the sample and its seed, and agreement with its interval', () => {
    expect(text).toContain('a random sample of 10 % of records (drawn reproducibly with seed 42)');
    expect(text).toContain(
      "Agreement on 12 records screened by two reviewers: 91.7 % (Cohen's κ 0.80 (95 % CI 0.42 to 1.00); PABAK 0.83; Gwet's AC1 0.86).",
    );
    expect(text).toContain('1 conflict resolved by consensus, 0 conflicts by a third reviewer.');
  });

  it('lists each search (PRISMA-S) with its strategy, and the PRISMA counts with reasons', () => {
    expect(text).toContain('| MEDLINE | Database | Ovid | 2020-03-01 | 130 | 128 |');
    expect(text).toContain('| Reference lists | Citation searching | — | not recorded | — | 4 |');
    expect(text).toContain('Search strategy for MEDLINE: collaborat* AND (health | social)');
    expect(text).toContain('- Reports excluded — Wrong population: 10');
    expect(text).toContain('- Studies included: 7 (reports: 8)');
    expect(text).toContain('9 duplicates were removed automatically and 1 duplicate by a reviewer');
  });

  it('escapes table cells that hold a pipe', () => {
    expect(text).toContain('| Population and setting | Include | Adults using health \\| social care |');
  });
});
