import { describe, expect, it } from 'vitest';
import { buildMethodsRecord, type MethodsRecordInput, methodsRecordMarkdown } from './methods-record.js';
import { computePrismaFlow } from './prisma-flow.js';
import type { PrismaRecord } from './prisma-flow-input.js';

/*
 * A small review, counted by hand: MEDLINE m1–m6, reference lists c1–c2. Title/abstract stopped by
 * a documented rule: m5 never screened (removed by automation), m6 has one of two decisions.
 * Screened m1, m2, m3, m4, m6 = 5 (4 with a final decision), excluded m3, m4 = 2. Reports sought
 * m1, m2; m2 excluded (wrong population). Other methods: c1 included, c2 left by the stop (not sought).
 * New studies S1, S2 = 2; with the previous version's 3, 5 in total; reports 2 new, 6 in total.
 */
const rec = (id: string, searchId: string, extra: Partial<PrismaRecord> = {}): PrismaRecord => ({
  id,
  searchId,
  duplicateRemoval: null,
  recordDecision: null,
  ...extra,
});
const report = (decision: 'include' | 'exclude', studyId: string, reasons: string[] = []) => ({
  retrieved: true,
  decision,
  reasons,
  studyId,
});
const flow = computePrismaFlow({
  searches: [
    { id: 'med', name: 'MEDLINE', sourceType: 'database' },
    { id: 'cit', name: 'Reference lists', sourceType: 'citation-searching' },
  ],
  records: [
    rec('m1', 'med', { recordDecision: 'include', report: report('include', 'S1') }),
    rec('m2', 'med', { recordDecision: 'include', report: report('exclude', 'm2', ['Wrong population']) }),
    rec('m3', 'med', { recordDecision: 'exclude' }),
    rec('m4', 'med', { recordDecision: 'exclude' }),
    rec('m5', 'med'),
    rec('m6', 'med', { recordHasDecisions: true }),
    rec('c1', 'cit', { recordDecision: 'include', report: report('include', 'S2') }),
    rec('c2', 'cit'),
  ],
  hasEligibilityStage: true,
  previous: { studies: 3, reports: 4 },
  stopped: { records: true, reports: false },
  pendingDuplicatePairs: 1,
});

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
      reasonsUsed: [
        { label: 'Wrong population', records: 10 },
        { label: 'Wrong study design', records: 1 },
      ],
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
      model: { version: 7, settings: null },
      queue: {
        rankedFrom: '2026-10-01T09:00:00.000Z',
        beforeRanking: 20,
        ranked: 80,
        stoppingSampleFrom: '2026-10-20T09:00:00.000Z',
        inStoppingSample: 22,
      },
    },
    {
      name: 'Full text',
      mode: 'single',
      samplePercent: null,
      sampleSeed: 7,
      status: 'open',
      eligible: 12,
      decided: 5,
      reviewers: 1,
      importedDecisions: 0,
      criteria: [],
      reasonsUsed: [],
      agreement: null,
      conflicts: { consensus: 0, thirdReviewer: 0, unresolved: 0 },
      stops: [],
      model: null,
      queue: { rankedFrom: null, beforeRanking: 5, ranked: 0, stoppingSampleFrom: null, inStoppingSample: 0 },
    },
  ],
  flow,
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
    expect(text).toContain('9 duplicates were removed automatically and 1 duplicate by a reviewer');
  });

  it('lists the reasons for removals before screening with their counts, after the totals', () => {
    const withRemovals = buildMethodsRecord({
      ...input,
      removals: [
        { kind: 'automation', reason: 'RCT classifier: not a randomised trial', count: 1200 },
        { kind: 'other', reason: 'Retracted', count: 2 },
      ],
    });
    const items = withRemovals.sections.find((s) => s.heading.startsWith('Study selection'))?.blocks[0];
    if (items?.kind !== 'list') throw new Error('the selection section starts with a list');
    expect(items.items.slice(1, 3)).toEqual([
      'Removed before screening (automation tool) — RCT classifier: not a randomised trial: 1,200',
      'Removed before screening (other reason) — Retracted: 2',
    ]);
  });

  it("takes the diagram's numbers from its flow, column by column, new and in total", () => {
    const c = Object.fromEntries(Object.entries(flow.counts).map(([k, b]) => [k, b.count]));
    expect(c).toMatchObject({
      excluded_automatic: 1,
      records_screened: 5,
      records_excluded: 2,
      dbr_sought_reports: 2,
      dbr_assessed: 2,
      other_sought_reports: 1,
      other_assessed: 1,
      new_studies: 2,
      total_studies: 5,
      new_reports: 2,
      total_reports: 6,
    });
    const items = doc.sections.find((s) => s.heading.startsWith('Study selection'))?.blocks[0];
    expect(items).toEqual({
      kind: 'list',
      items: [
        `Records removed before screening: duplicates ${c.duplicates}; marked as ineligible by automation tools ${c.excluded_automatic}; other reasons ${c.excluded_other}`,
        `Records screened: ${c.records_screened} (4 with a final decision); excluded: ${c.records_excluded}`,
        `Databases and registers — reports sought for retrieval: ${c.dbr_sought_reports}; not retrieved: ${c.dbr_notretrieved_reports}; assessed for eligibility: ${c.dbr_assessed}`,
        'Reports excluded — Wrong population: 1',
        `Other methods — reports sought for retrieval: ${c.other_sought_reports}; not retrieved: ${c.other_notretrieved_reports}; assessed for eligibility: ${c.other_assessed}`,
        `Studies included: ${c.new_studies} new, ${c.total_studies} in total with the previous version (reports: ${c.new_reports} new, ${c.total_reports} in total)`,
      ],
    });
  });

  it("carries the diagram's notes and warnings (not final)", () => {
    expect(flow.warnings.map((w) => w.code)).toEqual(['duplicates-pending', 'records-unscreened']);
    // m5 and c2 were left when screening stopped: information, nothing to finish.
    expect(flow.notes.map((n) => n.code)).toEqual([
      'records-removed-by-stopping-rule',
      'other-records-left-by-stopping-rule',
    ]);
    expect(text).toContain(`Notes: ${flow.notes.map((n) => n.message).join(' ')}`);
    expect(text).toContain(`Not final: ${flow.warnings.map((w) => w.message).join(' ')}`);
    expect(text).toContain('1 possible duplicate pair awaits review; the duplicate count may change.');
  });

  it('says the queue order each period really used, and the reasons cited with their counts', () => {
    expect(text).toContain(
      'Records were offered in seeded random order (seed 42) until 2026-10-01 (20 decisions), then in order of predicted relevance by an active-learning model (TF-IDF features, a class-balanced linear classifier; latest ranking version 7), retrained as decisions were made (80 decisions). The model never excluded a record. From 2026-10-20 the remaining records were offered in random order for the stopping sample (22 decisions).',
    );
    expect(text).toContain(
      'Records were offered in seeded random order (seed 7); no prioritisation model ranked them.',
    );
    expect(text).toContain(
      'Exclusion reasons cited: Wrong population (10 records); Wrong study design (1 record).',
    );
  });

  it('escapes table cells that hold a pipe', () => {
    expect(text).toContain('| Population and setting | Include | Adults using health \\| social care |');
  });
});
