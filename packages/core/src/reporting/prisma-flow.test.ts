import { describe, expect, it } from 'vitest';
import { computePrismaFlow } from './prisma-flow.js';
import type { PrismaFlowInput, PrismaRecord } from './prisma-flow-input.js';
import { PRISMA_TEMPLATE_COLUMNS, prismaFlowJson, prismaTemplateRows } from './prisma-template.js';

/*
 * A scripted review, counted by hand:
 *   MEDLINE (database) m1–m6, Embase (database) e1–e5, citation searching c1–c2 → 13 identified.
 *   Duplicates: e1 of m1 (engine), e2 of m2 (a person), c1 of m3 (engine) → 3 removed.
 *   e5 removed for another reason (a retracted article) → 1.
 *   Records screened (main column): m1–m6, e3, e4 = 8 (c1's group holds m3, a database record,
 *   so it is screened in the main column). 13 − 3 − 1 = 9 = 8 + c2 in the other-methods column.
 *   Title/abstract excludes m4, m5, e3 → 3; reports sought m1, m2, m3, m6, e4 → 5.
 *   m3 not retrieved → 4 assessed; m6 excluded (wrong population), e4 excluded (wrong study design).
 *   m1 and m2 are two reports of study S1; c2 (other methods) is a report of study S2, included.
 *   New studies 2 (S1, S2), reports of new included studies 3 (m1, m2, c2).
 */
const searches: PrismaFlowInput['searches'] = [
  { id: 's-medline', name: 'MEDLINE via Ovid', sourceType: 'database' },
  { id: 's-embase', name: 'Embase', sourceType: 'database' },
  { id: 's-citations', name: 'Reference lists of included studies', sourceType: 'citation-searching' },
];

function rec(id: string, searchId: string, extra: Partial<PrismaRecord> = {}): PrismaRecord {
  return { id, searchId, duplicateRemoval: null, recordDecision: null, ...extra };
}
const retrieved = (decision: 'include' | 'exclude', studyId: string, reasons: string[] = []) => ({
  retrieved: true,
  decision,
  reasons,
  studyId,
});

function scenario(): PrismaRecord[] {
  return [
    rec('m1', 's-medline', {
      groupRecordIds: ['m1', 'e1'],
      recordDecision: 'include',
      report: retrieved('include', 'S1'),
    }),
    rec('m2', 's-medline', {
      groupRecordIds: ['m2', 'e2'],
      recordDecision: 'include',
      report: retrieved('include', 'S1'),
    }),
    rec('m3', 's-medline', {
      groupRecordIds: ['m3', 'c1'],
      recordDecision: 'maybe',
      report: { retrieved: false, decision: null, reasons: [], studyId: 'm3' },
    }),
    rec('m4', 's-medline', { recordDecision: 'exclude' }),
    rec('m5', 's-medline', { recordDecision: 'exclude' }),
    rec('m6', 's-medline', {
      recordDecision: 'include',
      report: retrieved('exclude', 'm6', ['Wrong population']),
    }),
    rec('e1', 's-embase', { duplicateRemoval: 'automatic', groupRecordIds: ['m1', 'e1'] }),
    rec('e2', 's-embase', { duplicateRemoval: 'manual', groupRecordIds: ['m2', 'e2'] }),
    rec('e3', 's-embase', { recordDecision: 'exclude' }),
    rec('e4', 's-embase', {
      recordDecision: 'include',
      report: retrieved('exclude', 'e4', ['Wrong study design', 'Wrong population']),
    }),
    rec('e5', 's-embase', { otherRemoval: 'other' }),
    rec('c1', 's-citations', { duplicateRemoval: 'automatic', groupRecordIds: ['m3', 'c1'] }),
    rec('c2', 's-citations', { recordDecision: 'include', report: retrieved('include', 'S2') }),
  ];
}

const newReview = (records = scenario()): PrismaFlowInput => ({
  searches,
  records,
  hasEligibilityStage: true,
  previous: null,
});

describe('computePrismaFlow (PRISMA 2020, Page et al. 2021, Figure 1)', () => {
  it('counts every box of the scripted review as computed by hand', () => {
    const flow = computePrismaFlow(newReview());
    const n = Object.fromEntries(Object.entries(flow.counts).map(([k, b]) => [k, b.count]));
    expect(n).toEqual({
      previous_studies: 0,
      previous_reports: 0,
      database_results: 11,
      register_results: 0,
      website_results: 0,
      organisation_results: 0,
      citations_results: 2,
      other_results: 0,
      duplicates: 3,
      excluded_automatic: 0,
      excluded_other: 1,
      records_screened: 8,
      records_excluded: 3,
      dbr_sought_reports: 5,
      dbr_notretrieved_reports: 1,
      dbr_assessed: 4,
      other_sought_reports: 1,
      other_notretrieved_reports: 0,
      other_assessed: 1,
      new_studies: 2,
      new_reports: 3,
      total_studies: 2,
      total_reports: 3,
    });
    expect(flow.lists.database_specific_results.map((e) => [e.name, e.count])).toEqual([
      ['MEDLINE via Ovid', 6],
      ['Embase', 5],
    ]);
    // A report citing two reasons counts once, under its first.
    expect(flow.lists.dbr_excluded.map((e) => [e.name, e.count])).toEqual([
      ['Wrong population', 1],
      ['Wrong study design', 1],
    ]);
    expect(flow.lists.other_excluded).toEqual([]);
    expect(flow.warnings).toEqual([]);
    expect(flow.isUpdate).toBe(false);
    expect(flow.hasOtherMethods).toBe(true);
  });

  it('keeps the records behind each number', () => {
    const flow = computePrismaFlow(newReview());
    expect(flow.counts.duplicates.recordIds.sort()).toEqual(['c1', 'e1', 'e2']);
    expect(flow.counts.records_excluded.recordIds.sort()).toEqual(['e3', 'm4', 'm5']);
    expect(flow.counts.dbr_notretrieved_reports.recordIds).toEqual(['m3']);
    expect(flow.counts.new_reports.recordIds.sort()).toEqual(['c2', 'm1', 'm2']);
    // Studies open on one report each.
    expect(flow.counts.new_studies.recordIds.sort()).toEqual(['c2', 'm1']);
  });

  it('adds the previous version for an updated review', () => {
    const flow = computePrismaFlow({ ...newReview(), previous: { studies: 4, reports: 5 } });
    expect(flow.isUpdate).toBe(true);
    expect(flow.counts.previous_studies.count).toBe(4);
    expect(flow.counts.total_studies.count).toBe(2 + 4);
    expect(flow.counts.total_reports.count).toBe(3 + 5);
  });

  it('warns when records are still unscreened or reports undecided, naming them', () => {
    const records = scenario().map((r) =>
      r.id === 'm6'
        ? { ...r, recordDecision: null, report: undefined }
        : r.id === 'm1'
          ? { ...r, report: { retrieved: true, decision: null, reasons: [], studyId: 'S1' } }
          : r,
    );
    const flow = computePrismaFlow(newReview(records));
    expect(flow.warnings.map((w) => [w.code, w.recordIds])).toEqual([
      ['records-unscreened', ['m6']],
      ['reports-undecided', ['m1']],
    ]);
    expect(flow.warnings[0]?.message).toBe('1 record has no final title/abstract decision yet.');
    // m6 is no longer sought: 5 − 1.
    expect(flow.counts.dbr_sought_reports.count).toBe(4);
  });

  it('includes what passed title/abstract when the project has no full-text stage', () => {
    const records = scenario().map((r) => ({ ...r, report: undefined }));
    const flow = computePrismaFlow({ ...newReview(records), hasEligibilityStage: false });
    // m1, m2, m3 (maybe), m6, e4 pass; c2 in the other column: 6 reports, each its own study.
    expect(flow.counts.dbr_assessed.count).toBe(5);
    expect(flow.counts.new_reports.count).toBe(6);
    expect(flow.counts.new_studies.count).toBe(6);
    expect(flow.warnings).toEqual([]);
  });
});

/*
 * Stopping and unfinished work. PRISMA 2020 (Page et al., BMJ 2021;372:n71, Figure 1) puts records
 * never screened because an automation tool ruled them out in "Records removed before screening:
 * records marked as ineligible by automation tools"; the explanation and elaboration (BMJ
 * 2021;372:n160, item 16a) asks for that number, and active-learning users report the records left
 * after a documented stop there (ASReview discussion #979). The PRISMA2020 package calls the box
 * excluded_automatic (Haddaway et al. 2022).
 */
describe('computePrismaFlow with stopped stages and unfinished work', () => {
  // m4 and m5 never screened (the team stopped); e3 screened by one of two reviewers only.
  const stoppedRecords = () =>
    scenario().map((r) =>
      r.id === 'm4' || r.id === 'm5'
        ? { ...r, recordDecision: null }
        : r.id === 'e3'
          ? { ...r, recordDecision: null, recordHasDecisions: true }
          : r,
    );

  it('counts records left unscreened by a stopped title/abstract stage as removed by automation', () => {
    const flow = computePrismaFlow({
      ...newReview(stoppedRecords()),
      stopped: { records: true, reports: false },
    });
    // 8 screened by hand before the stop, less m4 and m5: 6; e5 is still "other reasons".
    expect(flow.counts.excluded_automatic.count).toBe(2);
    expect(flow.counts.excluded_automatic.recordIds).toEqual(['m4', 'm5']);
    expect(flow.counts.excluded_other.count).toBe(1);
    expect(flow.counts.records_screened.count).toBe(6);
    expect(flow.counts.records_excluded.count).toBe(0);
    // Identified 13 = duplicates 3 + automation 2 + other 1 + screened 6 + other-methods c2 1.
    expect(flow.notes.map((n) => [n.code, n.count])).toEqual([['records-removed-by-stopping-rule', 2]]);
    // e3 has a decision but no final one: it was screened, so the warning stays for it alone.
    expect(flow.warnings.map((w) => [w.code, w.recordIds])).toEqual([['records-unscreened', ['e3']]]);
  });

  it('keeps records imported after the stop awaiting screening: the rule never weighed them', () => {
    const flow = computePrismaFlow({
      ...newReview(stoppedRecords().map((r) => (r.id === 'm5' ? { ...r, importedAfterStop: true } : r))),
      stopped: { records: true, reports: false },
    });
    expect(flow.counts.excluded_automatic.recordIds).toEqual(['m4']);
    expect(flow.counts.records_screened.count).toBe(7);
    expect(flow.notes.map((n) => [n.code, n.count])).toEqual([['records-removed-by-stopping-rule', 1]]);
    expect(flow.warnings.map((w) => [w.code, w.recordIds])).toEqual([['records-unscreened', ['m5', 'e3']]]);
  });

  it('brings the records back as unscreened when the stage is not stopped', () => {
    const flow = computePrismaFlow(newReview(stoppedRecords()));
    expect(flow.counts.excluded_automatic.count).toBe(0);
    expect(flow.counts.records_screened.count).toBe(8);
    expect(flow.notes).toEqual([]);
    expect(flow.warnings.map((w) => [w.code, w.count])).toEqual([['records-unscreened', 3]]);
  });

  it('keeps the warning for reports left after a stop at full text, saying why', () => {
    const records = scenario().map((r) =>
      r.id === 'm6' ? { ...r, report: { retrieved: true, decision: null, reasons: [], studyId: 'm6' } } : r,
    );
    const flow = computePrismaFlow({ ...newReview(records), stopped: { records: false, reports: true } });
    const warning = flow.warnings.find((w) => w.code === 'reports-undecided');
    expect(warning?.recordIds).toEqual(['m6']);
    expect(warning?.message).toMatch(/stopped by a documented rule.*no box for reports not assessed/);
    expect(flow.counts.excluded_automatic.count).toBe(0);
  });

  it('does not count unscreened other-methods records as reports sought or assessed', () => {
    // Before any screening: three citation-search records and no stage at all.
    const records = [rec('c1', 's-citations'), rec('c2', 's-citations'), rec('c3', 's-citations')];
    const flow = computePrismaFlow({ ...newReview(records), hasEligibilityStage: false });
    expect(flow.counts.citations_results.count).toBe(3);
    expect(flow.counts.other_sought_reports.count).toBe(0);
    expect(flow.counts.other_assessed.count).toBe(0);
    expect(flow.hasOtherMethods).toBe(true);
    expect(flow.warnings.map((w) => [w.code, w.count])).toEqual([['other-records-unscreened', 3]]);
    expect(flow.warnings[0]?.message).toBe(
      '3 records from other methods have no final title/abstract decision yet, so they are not counted as reports sought.',
    );
  });

  it('warns while possible duplicate pairs await review', () => {
    const flow = computePrismaFlow({ ...newReview(), pendingDuplicatePairs: 4 });
    expect(flow.warnings).toContainEqual({
      code: 'duplicates-pending',
      message: '4 possible duplicate pairs await review; the duplicate count may change.',
      count: 4,
      recordIds: [],
    });
  });

  it('tells, without a warning, that other-methods records excluded at title/abstract are not drawn', () => {
    const records = scenario().map((r) =>
      r.id === 'c2' ? { ...r, recordDecision: 'exclude' as const, report: undefined } : r,
    );
    const flow = computePrismaFlow(newReview(records));
    expect(flow.warnings).toEqual([]);
    expect(flow.notes.map((n) => [n.code, n.recordIds])).toEqual([
      ['other-methods-excluded-at-records-stage', ['c2']],
    ]);
  });
});

describe('the PRISMA2020 package template (Haddaway et al. 2022)', () => {
  it('has the template columns and every data row the package reads', () => {
    const rows = prismaTemplateRows(computePrismaFlow(newReview()));
    expect(PRISMA_TEMPLATE_COLUMNS).toEqual([
      'data',
      'node',
      'box',
      'description',
      'boxtext',
      'tooltips',
      'url',
      'n',
    ]);
    const keys = rows.map((r) => r.data).filter((d) => d !== 'NA');
    for (const key of [
      'database_results',
      'database_specific_results',
      'register_results',
      'website_results',
      'organisation_results',
      'citations_results',
      'duplicates',
      'excluded_automatic',
      'excluded_other',
      'records_screened',
      'records_excluded',
      'dbr_sought_reports',
      'dbr_notretrieved_reports',
      'dbr_assessed',
      'dbr_excluded',
      'other_sought_reports',
      'other_notretrieved_reports',
      'other_assessed',
      'other_excluded',
      'new_studies',
      'new_reports',
      'total_studies',
      'total_reports',
      'previous_studies',
      'previous_reports',
    ])
      expect(keys).toContain(key);
    const byKey = new Map(rows.map((r) => [r.data, r]));
    expect(byKey.get('dbr_excluded')?.n).toBe('Wrong population, 1; Wrong study design, 1');
    expect(byKey.get('database_specific_results')?.n).toBe('MEDLINE via Ovid, 6; Embase, 5');
    expect(byKey.get('records_screened')).toMatchObject({ node: 'node9', box: 'box4', n: '8' });
  });

  it('lets a team relabel a box and keeps separators inside names from splitting the list', () => {
    const flow = computePrismaFlow({
      ...newReview(),
      searches: searches.map((s) => (s.id === 's-embase' ? { ...s, name: 'Embase; Elsevier, 2020' } : s)),
    });
    const rows = prismaTemplateRows(flow, { database_results: 'Bibliographic databases' });
    const specific = rows.find((r) => r.data === 'database_specific_results')?.n ?? '';
    expect(specific.split(';')).toHaveLength(2);
    expect(rows.find((r) => r.data === 'database_results')?.boxtext).toBe('Bibliographic databases');
  });

  it('gives JSON with the same keys: numbers, or name → number for lists', () => {
    const json = prismaFlowJson(computePrismaFlow(newReview()));
    expect(json.records_screened).toBe(8);
    expect(json.dbr_excluded).toEqual({ 'Wrong population': 1, 'Wrong study design': 1 });
    expect(json.database_specific_results).toEqual({ 'MEDLINE via Ovid': 6, Embase: 5 });
    expect(Object.keys(json)).not.toContain('identification');
  });
});
