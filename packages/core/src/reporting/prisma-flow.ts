import type { PrismaFlowInput, PrismaRecord, PrismaSourceType } from './prisma-flow-input.js';

/**
 * The PRISMA 2020 flow diagram (Page et al., BMJ 2021;372:n71, Figure 1, "new and updated
 * reviews" template) computed from the project. Keys follow the PRISMA2020 R package and Shiny
 * app (Haddaway et al., Campbell Systematic Reviews 2022;18:e1230) so a team can move between
 * tools. Every box keeps the ids of the records (or reports) behind its number.
 */

export type PrismaCountKey =
  | 'previous_studies'
  | 'previous_reports'
  | 'database_results'
  | 'register_results'
  | 'website_results'
  | 'organisation_results'
  | 'citations_results'
  | 'other_results'
  | 'duplicates'
  | 'excluded_automatic'
  | 'excluded_other'
  | 'records_screened'
  | 'records_excluded'
  | 'dbr_sought_reports'
  | 'dbr_notretrieved_reports'
  | 'dbr_assessed'
  | 'other_sought_reports'
  | 'other_notretrieved_reports'
  | 'other_assessed'
  | 'new_studies'
  | 'new_reports'
  | 'total_studies'
  | 'total_reports';

/** Boxes whose number is a list (per database, per register, per exclusion reason). */
export type PrismaListKey =
  | 'database_specific_results'
  | 'register_specific_results'
  | 'dbr_excluded'
  | 'other_excluded';

export interface PrismaBox {
  count: number;
  /** The records (or, for report boxes, the records that became the reports) behind the number. */
  recordIds: string[];
}

export interface PrismaListEntry extends PrismaBox {
  /** A search's name, or an exclusion reason. */
  name: string;
}

export interface PrismaWarning {
  code:
    | 'records-unscreened'
    | 'other-records-unscreened'
    | 'reports-retrieval-unknown'
    | 'reports-undecided'
    | 'reports-maybe'
    | 'source-without-template-row'
    | 'exclusions-without-reason'
    | 'duplicates-pending';
  message: string;
  recordIds: string[];
  /** How many records or reports (the ids may stand for several each when the input was aggregated). */
  count: number;
}

/**
 * Something a reader of the diagram should know that no further work changes (unlike a warning,
 * which says the numbers are not final yet).
 */
export interface PrismaNote {
  code:
    | 'records-removed-by-stopping-rule'
    | 'other-records-left-by-stopping-rule'
    | 'other-methods-excluded-at-records-stage';
  message: string;
  recordIds: string[];
  count: number;
}

export interface PrismaFlow {
  counts: Record<PrismaCountKey, PrismaBox>;
  lists: Record<PrismaListKey, PrismaListEntry[]>;
  /** False for a new review (the "previous studies" column is not drawn). */
  isUpdate: boolean;
  /** Whether the other-methods column has anything in it (it is drawn only then). */
  hasOtherMethods: boolean;
  warnings: PrismaWarning[];
  notes: PrismaNote[];
}

const DATABASES_AND_REGISTERS: ReadonlySet<PrismaSourceType> = new Set(['database', 'register']);
const NO_REASON = 'No reason recorded';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

const weightOf = (records: readonly PrismaRecord[]) => records.reduce((sum, r) => sum + (r.weight ?? 1), 0);

function box(records: readonly PrismaRecord[]): PrismaBox {
  return { count: weightOf(records), recordIds: records.map((r) => r.id) };
}

function groupByName(
  entries: Array<{ name: string; record: PrismaRecord }>,
  order?: string[],
): PrismaListEntry[] {
  const byName = new Map<string, PrismaRecord[]>();
  for (const name of order ?? []) byName.set(name, []);
  for (const { name, record } of entries) {
    const records = byName.get(name) ?? [];
    records.push(record);
    byName.set(name, records);
  }
  return [...byName].map(([name, records]) => ({ name, ...box(records) }));
}

export function computePrismaFlow(input: PrismaFlowInput): PrismaFlow {
  const searches = new Map(input.searches.map((s) => [s.id, s]));
  const sourceOf = (record: PrismaRecord) => searches.get(record.searchId)?.sourceType ?? 'other';
  const byId = new Map(input.records.map((r) => [r.id, r]));
  const warnings: PrismaWarning[] = [];
  const warn = (
    code: PrismaWarning['code'],
    records: readonly PrismaRecord[],
    message: (n: number) => string,
  ) => {
    const n = weightOf(records);
    if (n > 0) warnings.push({ code, message: message(n), count: n, recordIds: records.map((r) => r.id) });
  };
  const notes: PrismaNote[] = [];
  const note = (
    code: PrismaNote['code'],
    records: readonly PrismaRecord[],
    message: (n: number) => string,
  ) => {
    const n = weightOf(records);
    if (n > 0) notes.push({ code, message: message(n), count: n, recordIds: records.map((r) => r.id) });
  };

  // Identification: every record as imported, per source.
  const identified = (types: PrismaSourceType[]) =>
    box(input.records.filter((r) => types.includes(sourceOf(r))));
  const perSearch = (type: PrismaSourceType) =>
    groupByName(
      input.records
        .filter((r) => sourceOf(r) === type)
        .map((r) => ({ name: searches.get(r.searchId)?.name ?? '', record: r })),
      input.searches.filter((s) => s.sourceType === type).map((s) => s.name),
    );
  const otherSourced = identified(['other']);
  warn(
    'source-without-template-row',
    input.records.filter((r) => sourceOf(r) === 'other'),
    (n) =>
      `${plural(n, 'record comes', 'records come')} from sources of type "other", which the PRISMA 2020 template has no row for; they are counted in the other-methods column.`,
  );

  // Removed before screening.
  const duplicates = input.records.filter((r) => r.duplicateRemoval !== null);
  const pendingPairs = input.pendingDuplicatePairs ?? 0;
  if (pendingPairs > 0)
    warnings.push({
      code: 'duplicates-pending',
      message: `${plural(pendingPairs, 'possible duplicate pair awaits', 'possible duplicate pairs await')} review; the duplicate count may change.`,
      count: pendingPairs,
      recordIds: [],
    });
  const survivors = input.records.filter((r) => r.duplicateRemoval === null);
  const removedOther = (kind: 'automation' | 'other') =>
    box(survivors.filter((r) => r.otherRemoval === kind));
  const screenedPool = survivors.filter((r) => !r.otherRemoval);

  // A record that survived deduplication belongs to the main column when it, or any duplicate
  // folded into it, came from a database or register: PRISMA screens those records there.
  const inMainColumn = (r: PrismaRecord) =>
    r.groupHasDatabaseOrRegister ??
    (r.groupRecordIds ?? [r.id]).some((id) => {
      const member = byId.get(id);
      return member !== undefined && DATABASES_AND_REGISTERS.has(sourceOf(member));
    });
  const mainPool = screenedPool.filter(inMainColumn);
  const otherRecords = screenedPool.filter((r) => !inMainColumn(r));

  // Records nobody screened because the team stopped title/abstract screening by a documented
  // rule (active learning) were removed before screening, not screened: PRISMA 2020's "records
  // marked as ineligible by automation tools" (Page et al., BMJ 2021;372:n71, Figure 1; the
  // explanation and elaboration, BMJ 2021;372:n160, item 16a: report records eliminated by
  // automation tools), as active-learning users report a stop (ASReview discussion #979). A
  // record someone decided on, though without a final decision, was screened; one imported after
  // the stop was never weighed by the rule's evidence, so it still awaits screening.
  const leftByStop = (r: PrismaRecord) =>
    input.stopped?.records === true &&
    r.recordDecision === null &&
    r.recordHasDecisions !== true &&
    r.importedAfterStop !== true;
  const stoppedMain = mainPool.filter(leftByStop);
  const mainRecords = mainPool.filter((r) => !leftByStop(r));
  note(
    'records-removed-by-stopping-rule',
    stoppedMain,
    (n) =>
      `${plural(n, 'record was', 'records were')} never screened: title/abstract screening was stopped by a documented stopping rule, so ${n === 1 ? 'it is' : 'they are'} counted as removed before screening by automation tools.`,
  );

  warn(
    'records-unscreened',
    mainRecords.filter((r) => r.recordDecision === null),
    (n) => `${plural(n, 'record has', 'records have')} no final title/abstract decision yet.`,
  );
  const passes = (r: PrismaRecord) => r.recordDecision === 'include' || r.recordDecision === 'maybe';
  const otherExcludedEarly = otherRecords.filter((r) => r.recordDecision === 'exclude');
  note(
    'other-methods-excluded-at-records-stage',
    otherExcludedEarly,
    (n) =>
      `${plural(n, 'record', 'records')} from other methods ${n === 1 ? 'was' : 'were'} excluded at title/abstract; the PRISMA 2020 other-methods column has no screening box, so ${n === 1 ? 'it is' : 'they are'} not shown there.`,
  );
  // Other-methods records are sought once they pass title/abstract, as in the main column: an
  // unscreened one is no report yet (with no eligibility stage it would otherwise count as assessed).
  const otherUndecided = otherRecords.filter((r) => r.recordDecision === null);
  note(
    'other-records-left-by-stopping-rule',
    otherUndecided.filter(leftByStop),
    (n) =>
      `${plural(n, 'record', 'records')} from other methods ${n === 1 ? 'was' : 'were'} never screened: title/abstract screening was stopped by a documented stopping rule, and the PRISMA 2020 other-methods column has no box for ${n === 1 ? 'it' : 'them'}.`,
  );
  warn(
    'other-records-unscreened',
    otherUndecided.filter((r) => !leftByStop(r)),
    (n) =>
      `${plural(n, 'record', 'records')} from other methods ${n === 1 ? 'has' : 'have'} no final title/abstract decision yet, so ${n === 1 ? 'it is' : 'they are'} not counted as ${n === 1 ? 'a report' : 'reports'} sought.`,
  );

  const reportsColumn = (sought: PrismaRecord[]) => {
    const report = (r: PrismaRecord) => r.report;
    const notRetrieved = sought.filter((r) => report(r)?.retrieved === false);
    const assessed = sought.filter((r) => report(r)?.retrieved !== false);
    const decisionOf = (r: PrismaRecord) =>
      input.hasEligibilityStage ? (report(r)?.decision ?? null) : r.recordDecision;
    const excluded = assessed.filter((r) => decisionOf(r) === 'exclude');
    const included = assessed.filter(
      (r) => decisionOf(r) === 'include' || (!input.hasEligibilityStage && decisionOf(r) === 'maybe'),
    );
    // PRISMA counts each excluded report once, so a report citing several reasons counts under its first.
    const reasons = groupByName(
      excluded.map((r) => ({ name: report(r)?.reasons[0] ?? NO_REASON, record: r })),
    );
    return {
      sought: box(sought),
      notRetrieved,
      assessed,
      excluded,
      included,
      reasons,
      decisionOf,
    };
  };
  const main = reportsColumn(mainRecords.filter(passes));
  const other = reportsColumn(otherRecords.filter(passes));
  const reportsStopped = input.stopped?.reports === true;

  for (const column of [main, other]) {
    if (!input.hasEligibilityStage) continue;
    const unknown = column.assessed.filter((r) => r.report === undefined || r.report.retrieved === null);
    warn(
      'reports-retrieval-unknown',
      unknown,
      (n) => `${plural(n, 'report has', 'reports have')} not been marked as retrieved or not retrieved.`,
    );
    const undecided = column.assessed.filter((r) => column.decisionOf(r) === null);
    // PRISMA 2020 has no box for reports left unassessed when full-text screening stopped, so
    // they stay "assessed" and the warning stays, saying why.
    warn('reports-undecided', undecided, (n) =>
      reportsStopped
        ? `${plural(n, 'report has', 'reports have')} no final full-text decision: full-text screening was stopped by a documented rule. PRISMA 2020 has no box for reports not assessed, so ${n === 1 ? 'it is' : 'they are'} counted as assessed; report ${n === 1 ? 'it' : 'them'} in the text or finish screening.`
        : `${plural(n, 'report has', 'reports have')} no final full-text decision yet.`,
    );
    const maybe = column.assessed.filter((r) => column.decisionOf(r) === 'maybe');
    warn(
      'reports-maybe',
      maybe,
      (n) => `${plural(n, 'report is', 'reports are')} still "maybe" at full text.`,
    );
    const noReason = column.excluded.filter((r) => (r.report?.reasons.length ?? 0) === 0);
    warn(
      'exclusions-without-reason',
      noReason,
      (n) => `${plural(n, 'excluded report has', 'excluded reports have')} no exclusion reason.`,
    );
  }

  const includedReports = [...main.included, ...other.included];
  const studyOf = (r: PrismaRecord) => r.report?.studyId ?? r.id;
  // One record per study (its first included report), so the box can still be opened.
  const studies = new Map<string, PrismaRecord>();
  for (const r of includedReports) if (!studies.has(studyOf(r))) studies.set(studyOf(r), r);
  const previous = input.previous ?? { studies: 0, reports: 0 };
  const countOnly = (count: number): PrismaBox => ({ count, recordIds: [] });
  const newStudies = { count: studies.size, recordIds: [...studies.values()].map((r) => r.id) };
  const newReports = box(includedReports);

  const counts: Record<PrismaCountKey, PrismaBox> = {
    previous_studies: countOnly(previous.studies),
    previous_reports: countOnly(previous.reports),
    database_results: identified(['database']),
    register_results: identified(['register']),
    website_results: identified(['website']),
    organisation_results: identified(['organisation']),
    citations_results: identified(['citation-searching']),
    other_results: otherSourced,
    duplicates: box(duplicates),
    excluded_automatic: box([...survivors.filter((r) => r.otherRemoval === 'automation'), ...stoppedMain]),
    excluded_other: removedOther('other'),
    records_screened: box(mainRecords),
    records_excluded: box(mainRecords.filter((r) => r.recordDecision === 'exclude')),
    dbr_sought_reports: main.sought,
    dbr_notretrieved_reports: box(main.notRetrieved),
    dbr_assessed: box(main.assessed),
    other_sought_reports: other.sought,
    other_notretrieved_reports: box(other.notRetrieved),
    other_assessed: box(other.assessed),
    new_studies: newStudies,
    new_reports: newReports,
    total_studies: { count: newStudies.count + previous.studies, recordIds: newStudies.recordIds },
    total_reports: { count: newReports.count + previous.reports, recordIds: newReports.recordIds },
  };
  return {
    counts,
    lists: {
      database_specific_results: perSearch('database'),
      register_specific_results: perSearch('register'),
      dbr_excluded: main.reasons,
      other_excluded: other.reasons,
    },
    isUpdate: input.previous !== null,
    hasOtherMethods:
      otherRecords.length > 0 ||
      identified(['website', 'organisation', 'citation-searching', 'other']).count > 0,
    warnings,
    notes,
  };
}
