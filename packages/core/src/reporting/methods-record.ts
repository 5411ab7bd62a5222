import type { PrismaFlow } from './prisma-flow.js';

/**
 * The review's methods record: how the review was done, written from the project's own facts
 * (PRISMA 2020 items 6–9 and PRISMA-S items 1–13 as far as Weft holds them), so the methods
 * section and the diagram cannot disagree. Pure: the server gathers the input, renders Markdown
 * here and DOCX with a library.
 */

export interface MethodsSearch {
  name: string;
  sourceType: string;
  platform: string;
  dateRun: string | null;
  query: string;
  reportedCount: number | null;
  imported: number;
}

export interface MethodsAgreement {
  n: number;
  percentAgreement: number;
  kappa: number | null;
  kappaCi95: [number, number] | null;
  pabak: number | null;
  gwetAc1: number | null;
}

export interface MethodsStop {
  at: string;
  by: string;
  note: string;
  screened: number;
  includes: number;
  sinceLastInclude: number;
  pValue: number | null;
  targetRecall: number | null;
}

/**
 * The order the stage's queue offered records in, from its facts: seeded random order until the
 * first ranking by the prioritisation model, then the ranking; seeded random order again for a
 * stopping sample. Counts are of current decisions made in Weft in each period.
 */
export interface MethodsQueue {
  /** When the first ranking was stored (ISO), or null when no model ranked the stage. */
  rankedFrom: string | null;
  beforeRanking: number;
  ranked: number;
  /** When the random stopping sample started (ISO), or null. */
  stoppingSampleFrom: string | null;
  inStoppingSample: number;
}

export interface MethodsStage {
  name: string;
  mode: 'single' | 'dual' | 'sample';
  samplePercent: number | null;
  sampleSeed: number;
  status: string;
  eligible: number;
  decided: number;
  reviewers: number;
  importedDecisions: number;
  criteria: Array<{ group: string; kind: 'include' | 'exclude'; text: string }>;
  /** Exclusion reasons cited by a current decision or resolution, with how many records cite each. */
  reasonsUsed: Array<{ label: string; records: number }>;
  agreement: MethodsAgreement | null;
  conflicts: { consensus: number; thirdReviewer: number; unresolved: number };
  stops: MethodsStop[];
  /** Settings of the prioritisation model, when one ranked this stage. */
  model: { version: number; settings: Record<string, unknown> | null } | null;
  queue: MethodsQueue;
}

export interface MethodsRecordInput {
  projectName: string;
  softwareVersion: string;
  /** ISO timestamp of generation. */
  generatedAt: string;
  searches: MethodsSearch[];
  deduplication: {
    identified: number;
    automatic: number;
    manual: number;
    pendingPairs: number;
    remaining: number;
  };
  stages: MethodsStage[];
  /** The flow the diagram draws (the same object), so the two cannot disagree. */
  flow: PrismaFlow;
  /** Records removed before screening for other reasons than duplication, per kind and reason. */
  removals?: ReadonlyArray<{ kind: 'automation' | 'other'; reason: string; count: number }>;
}

export type MethodsBlock =
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; items: string[] }
  | { kind: 'table'; headers: string[]; rows: string[][] };

export interface MethodsSection {
  heading: string;
  blocks: MethodsBlock[];
}

export interface MethodsDocument {
  title: string;
  subtitle: string;
  sections: MethodsSection[];
}

const SOURCE_NAMES: Record<string, string> = {
  database: 'Database',
  register: 'Register',
  website: 'Website',
  organisation: 'Organisation',
  'citation-searching': 'Citation searching',
  other: 'Other',
};
const CRITERION_GROUPS: Record<string, string> = {
  population: 'Population and setting',
  intervention: 'Intervention or collaboration type',
  outcomes: 'Outcomes',
  design: 'Study design',
  publication: 'Publication type',
  other: 'Other',
};

const plural = (n: number, one: string, many = `${one}s`) =>
  `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
const fixed = (x: number | null, digits = 2) => (x === null ? 'not defined' : x.toFixed(digits));

function modeSentence(stage: MethodsStage): string {
  const who = stage.reviewers > 0 ? ` ${plural(stage.reviewers, 'reviewer')} recorded decisions.` : '';
  if (stage.mode === 'single') return `Each record was screened by one reviewer.${who}`;
  if (stage.mode === 'dual')
    return `Every record was screened independently by two reviewers, blinded to each other's decisions.${who}`;
  return (
    `Each record was screened by one reviewer; a random sample of ${stage.samplePercent ?? 0} % of records ` +
    `(drawn reproducibly with seed ${stage.sampleSeed}) was screened independently by a second reviewer, blinded to the first.${who}`
  );
}

function agreementSentence(a: MethodsAgreement): string {
  const ci = a.kappaCi95 ? ` (95 % CI ${fixed(a.kappaCi95[0])} to ${fixed(a.kappaCi95[1])})` : '';
  return (
    `Agreement on ${plural(a.n, 'record')} screened by two reviewers: ${(a.percentAgreement * 100).toFixed(1)} % ` +
    `(Cohen's κ ${fixed(a.kappa)}${ci}; PABAK ${fixed(a.pabak)}; Gwet's AC1 ${fixed(a.gwetAc1)}).`
  );
}

const day = (iso: string) => iso.slice(0, 10);

/** What order the queue really used, period by period (see MethodsQueue). */
function queueSentence(stage: MethodsStage): string {
  const q = stage.queue;
  const random = `seeded random order (seed ${stage.sampleSeed})`;
  const decisions = (n: number) => plural(n, 'decision');
  let text =
    q.rankedFrom === null
      ? `Records were offered in ${random}; no prioritisation model ranked them.`
      : `Records were offered in ${random} until ${day(q.rankedFrom)} (${decisions(q.beforeRanking)}), then in order of predicted relevance by an active-learning model (TF-IDF features, a class-balanced linear classifier${stage.model ? `; latest ranking version ${stage.model.version}` : ''}), retrained as decisions were made (${decisions(q.ranked)}). The model never excluded a record.`;
  if (q.stoppingSampleFrom !== null)
    text += ` From ${day(q.stoppingSampleFrom)} the remaining records were offered in random order for the stopping sample (${decisions(q.inStoppingSample)}).`;
  return text;
}

function stageSection(stage: MethodsStage): MethodsSection {
  const blocks: MethodsBlock[] = [{ kind: 'paragraph', text: modeSentence(stage) }];
  if (stage.criteria.length > 0) {
    const rows = stage.criteria.map((c) => [
      CRITERION_GROUPS[c.group] ?? c.group,
      c.kind === 'include' ? 'Include' : 'Exclude',
      c.text,
    ]);
    blocks.push({ kind: 'table', headers: ['Criterion', 'Include or exclude', 'Definition'], rows });
  }
  if (stage.reasonsUsed.length > 0)
    blocks.push({
      kind: 'paragraph',
      text: `Exclusion reasons cited: ${stage.reasonsUsed.map((r) => `${r.label} (${plural(r.records, 'record')})`).join('; ')}.`,
    });
  blocks.push({
    kind: 'paragraph',
    text: `${plural(stage.decided, 'record')} of ${stage.eligible.toLocaleString('en-GB')} had a final decision at this stage (stage ${stage.status}).`,
  });
  if (stage.importedDecisions > 0)
    blocks.push({
      kind: 'paragraph',
      text: `${plural(stage.importedDecisions, 'decision was', 'decisions were')} imported from another screening tool.`,
    });
  if (stage.agreement) blocks.push({ kind: 'paragraph', text: agreementSentence(stage.agreement) });
  const { consensus, thirdReviewer, unresolved } = stage.conflicts;
  if (consensus + thirdReviewer + unresolved > 0)
    blocks.push({
      kind: 'paragraph',
      text:
        `Disagreements: ${plural(consensus, 'conflict')} resolved by consensus, ${plural(thirdReviewer, 'conflict')} by a third reviewer` +
        (unresolved > 0 ? `; ${plural(unresolved, 'conflict')} not yet resolved.` : '.'),
    });
  const { beforeRanking, ranked, inStoppingSample } = stage.queue;
  // Only decisions made in Weft went through its queue (imported ones did not).
  if (beforeRanking + ranked + inStoppingSample > 0)
    blocks.push({ kind: 'paragraph', text: queueSentence(stage) });
  for (const stop of stage.stops) {
    const test =
      stop.pValue === null
        ? 'no random-sample stopping test had been run'
        : `the stopping test of Callaghan and Müller-Hansen (2020) gave p = ${stop.pValue.toPrecision(3)} for recall below ${((stop.targetRecall ?? 0.95) * 100).toFixed(0)} %`;
    blocks.push({
      kind: 'paragraph',
      text: `Screening was stopped on ${stop.at.slice(0, 10)} by ${stop.by} after ${plural(stop.screened, 'record')} screened, ${plural(stop.includes, 'include')} found and ${plural(stop.sinceLastInclude, 'record')} since the last include; ${test}.${stop.note ? ` Rationale: ${stop.note}` : ''}`,
    });
  }
  return { heading: `Screening: ${stage.name}`, blocks };
}

export function buildMethodsRecord(input: MethodsRecordInput): MethodsDocument {
  const searches: MethodsSection = {
    heading: 'Information sources and searches',
    blocks:
      input.searches.length === 0
        ? [{ kind: 'paragraph', text: 'No searches are recorded in this project.' }]
        : [
            {
              kind: 'table',
              headers: [
                'Source',
                'Type',
                'Platform',
                'Date searched',
                'Records reported',
                'Records imported',
              ],
              rows: input.searches.map((s) => [
                s.name,
                SOURCE_NAMES[s.sourceType] ?? s.sourceType,
                s.platform || '—',
                s.dateRun ?? 'not recorded',
                s.reportedCount === null ? '—' : String(s.reportedCount),
                String(s.imported),
              ]),
            },
            ...input.searches
              .filter((s) => s.query.trim() !== '')
              .map(
                (s): MethodsBlock => ({
                  kind: 'paragraph',
                  text: `Search strategy for ${s.name}: ${s.query.trim()}`,
                }),
              ),
          ],
  };
  const d = input.deduplication;
  const dedup: MethodsSection = {
    heading: 'Deduplication',
    blocks: [
      {
        kind: 'paragraph',
        text:
          `${plural(d.identified, 'record')} were identified. Duplicates were found with Weft's rule-based engine (normalised DOI, PMID, ` +
          `title, authors, journal, volume and pages; only certain duplicates merged automatically, possible ones reviewed side by side). ` +
          `${plural(d.automatic, 'duplicate was', 'duplicates were')} removed automatically and ${plural(d.manual, 'duplicate')} by a reviewer; ` +
          `${plural(d.remaining, 'record')} remained for screening.` +
          (d.pendingPairs > 0
            ? ` ${plural(d.pendingPairs, 'possible duplicate pair')} still awaited review.`
            : ''),
      },
    ],
  };
  const flow = selectionSection(input.flow, input.removals ?? []);
  const later: MethodsSection = {
    heading: 'Appraisal and data extraction',
    blocks: [
      {
        kind: 'paragraph',
        text: 'No critical appraisal or data extraction is recorded in this project yet.',
      },
    ],
  };
  const software: MethodsSection = {
    heading: 'Software',
    blocks: [
      {
        kind: 'paragraph',
        text: `Recorded with Weft ${input.softwareVersion}; this record was generated on ${input.generatedAt.slice(0, 10)} from the project's event log.`,
      },
    ],
  };
  return {
    title: `Methods record: ${input.projectName}`,
    subtitle: `Generated ${input.generatedAt.slice(0, 16).replace('T', ' ')} UTC`,
    sections: [searches, dedup, ...input.stages.map(stageSection), flow, later, software],
  };
}

/** The diagram's numbers, column by column as drawn, with what keeps them from being final. */
function selectionSection(
  flow: PrismaFlow,
  removals: NonNullable<MethodsRecordInput['removals']>,
): MethodsSection {
  const n = (key: keyof PrismaFlow['counts']) => flow.counts[key].count.toLocaleString('en-GB');
  const unscreened = flow.warnings.find((w) => w.code === 'records-unscreened')?.count ?? 0;
  const screened = flow.counts.records_screened.count;
  const items = [
    `Records removed before screening: duplicates ${n('duplicates')}; marked as ineligible by automation tools ${n('excluded_automatic')}; other reasons ${n('excluded_other')}`,
    // Each reason a person gave for a removal, as the exclusion reasons are listed below.
    ...removals.map(
      (r) =>
        `Removed before screening (${r.kind === 'automation' ? 'automation tool' : 'other reason'}) — ${r.reason}: ${r.count.toLocaleString('en-GB')}`,
    ),
    `Records screened: ${n('records_screened')}${unscreened > 0 ? ` (${(screened - unscreened).toLocaleString('en-GB')} with a final decision)` : ''}; excluded: ${n('records_excluded')}`,
    `Databases and registers — reports sought for retrieval: ${n('dbr_sought_reports')}; not retrieved: ${n('dbr_notretrieved_reports')}; assessed for eligibility: ${n('dbr_assessed')}`,
    ...flow.lists.dbr_excluded.map((e) => `Reports excluded — ${e.name}: ${e.count.toLocaleString('en-GB')}`),
  ];
  if (flow.hasOtherMethods)
    items.push(
      `Other methods — reports sought for retrieval: ${n('other_sought_reports')}; not retrieved: ${n('other_notretrieved_reports')}; assessed for eligibility: ${n('other_assessed')}`,
      ...flow.lists.other_excluded.map(
        (e) => `Reports excluded (other methods) — ${e.name}: ${e.count.toLocaleString('en-GB')}`,
      ),
    );
  items.push(
    flow.isUpdate
      ? `Studies included: ${n('new_studies')} new, ${n('total_studies')} in total with the previous version (reports: ${n('new_reports')} new, ${n('total_reports')} in total)`
      : `Studies included: ${n('new_studies')} (reports: ${n('new_reports')})`,
  );
  const blocks: MethodsBlock[] = [{ kind: 'list', items }];
  if (flow.notes.length > 0)
    blocks.push({ kind: 'paragraph', text: `Notes: ${flow.notes.map((note) => note.message).join(' ')}` });
  if (flow.warnings.length > 0)
    blocks.push({
      kind: 'paragraph',
      text: `Not final: ${flow.warnings.map((w) => w.message).join(' ')}`,
    });
  return { heading: 'Study selection (PRISMA 2020 counts)', blocks };
}

const escapeCell = (text: string) => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

export function methodsRecordMarkdown(doc: MethodsDocument): string {
  const out: string[] = [`# ${doc.title}`, '', `_${doc.subtitle}_`, ''];
  for (const section of doc.sections) {
    out.push(`## ${section.heading}`, '');
    for (const block of section.blocks) {
      if (block.kind === 'paragraph') out.push(block.text, '');
      else if (block.kind === 'list') out.push(...block.items.map((item) => `- ${item}`), '');
      else {
        out.push(
          `| ${block.headers.map(escapeCell).join(' | ')} |`,
          `| ${block.headers.map(() => '---').join(' | ')} |`,
        );
        out.push(...block.rows.map((row) => `| ${row.map(escapeCell).join(' | ')} |`), '');
      }
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}
