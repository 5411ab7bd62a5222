import { z } from 'zod';

/**
 * Screening, as the HTTP API shows it. Every response is shaped for the person asking: until both
 * reviewers have decided a record (or the lead has unblinded the stage), no response to a reviewer
 * carries another reviewer's decision — the server's presenters enforce it, tests walk every route.
 */

export const SCREENING_MODES = ['single', 'dual', 'sample'] as const;
export type ScreeningMode = (typeof SCREENING_MODES)[number];

export const SCREENING_DECISIONS = ['include', 'exclude', 'maybe'] as const;
export type ScreeningDecision = (typeof SCREENING_DECISIONS)[number];

/** Groups of eligibility criteria, as reviews tabulate them (population/setting, intervention…). */
export const CRITERION_GROUPS = [
  'population',
  'intervention',
  'outcomes',
  'design',
  'publication',
  'other',
] as const;
export type CriterionGroup = (typeof CRITERION_GROUPS)[number];

/** Decision files Weft reads and writes (the tools teams move from). */
export const DECISION_FILE_FORMATS = ['asreview-csv', 'rayyan-csv', 'covidence-csv', 'ris'] as const;
export type DecisionFileFormat = (typeof DECISION_FILE_FORMATS)[number];

export type StageStatus = 'open' | 'stopped' | 'closed';

export interface CriterionView {
  id: string;
  group: CriterionGroup;
  kind: 'include' | 'exclude';
  text: string;
}

export interface ReasonView {
  id: string;
  label: string;
  /** 1-based position: the number key that picks it on the screening screen (1–9). */
  position: number;
  /** Final exclusions citing this reason (feeds PRISMA's "reports excluded, with reasons"). */
  excludedCount: number;
}

export interface StageProgressView {
  /** Records eligible at this stage (not duplicates; passed the previous stage). */
  eligible: number;
  /** Records with a final decision (agreed, single, or resolved). */
  decided: number;
  included: number;
  excluded: number;
  maybe: number;
  /** Records still needing a decision from someone. */
  remaining: number;
  /** Records the asking reviewer can still screen (their queue). */
  myQueue: number;
  /** Decisions the asking reviewer has made at this stage. */
  myDecisions: number;
  /** Unresolved conflicts (records both reviewers decided differently). */
  conflicts: number;
  /** Records drawn for dual screening (sample mode) or all (dual). */
  dualScreened: number;
}

export interface StageView {
  id: string;
  key: string;
  name: string;
  position: number;
  mode: ScreeningMode;
  samplePercent: number | null;
  sampleSeed: number;
  reviewerIds: string[];
  reasonRequired: boolean;
  status: StageStatus;
  blinded: boolean;
  version: number;
  criteria: CriterionView[];
  includeKeywords: string[];
  excludeKeywords: string[];
  reasons: ReasonView[];
  progress: StageProgressView;
}

export interface StagesResponse {
  stages: StageView[];
}

/** What a reviewer sees of one record on the screening screen. */
export interface ScreeningRecordView {
  recordId: string;
  title: string;
  abstract: string;
  authors: string[];
  year: number | null;
  container: string;
  keywords: string[];
  doi: string | null;
  pmid: string | null;
  url: string | null;
  /** The model's relevance score (null before the first model is trained). */
  score: number | null;
  /** This record is in the dual-screened sample. */
  dual: boolean;
}

export interface DecisionView {
  id: string;
  recordId: string;
  reviewerId: string;
  reviewerName: string;
  decision: ScreeningDecision;
  reasonIds: string[];
  note: string;
  at: string;
  /** Where it came from: made in Weft, or imported from another tool's file. */
  source: 'weft' | 'import';
}

export interface ModelStatusView {
  state: 'waiting-for-labels' | 'training' | 'ready' | 'failed';
  /** Version of the ranking in use (increments with each retrain). */
  version: number;
  trainedAt: string | null;
  includes: number;
  excludes: number;
  /** Settings recorded with the ranking so a simulation can reproduce the review. */
  settings: Record<string, unknown> | null;
  message: string | null;
}

export interface NextRecordsResponse {
  /** Queue order: highest predicted relevance first (random, seeded, before a model exists). */
  records: ScreeningRecordView[];
  model: ModelStatusView;
  progress: StageProgressView;
  /** `ranked` by the model, `random` before it or during the stopping sample. */
  order: 'ranked' | 'random';
}

export interface ScreeningListItemView {
  record: ScreeningRecordView;
  /** The asker's own decision. */
  myDecision: DecisionView | null;
  /** Every reviewer's decision: only when the asker may see them (lead after unblinding, or both decided). */
  decisions: DecisionView[] | null;
  finalDecision: ScreeningDecision | null;
  conflict: boolean;
}

export interface ScreeningListResponse {
  items: ScreeningListItemView[];
  total: number;
}

export interface ConflictView {
  record: ScreeningRecordView;
  decisions: DecisionView[];
  resolution: ResolutionView | null;
}

export interface ResolutionView {
  id: string;
  method: 'consensus' | 'third-reviewer';
  decision: ScreeningDecision;
  reasonIds: string[];
  participantIds: string[];
  resolvedBy: string;
  note: string;
  at: string;
}

export interface ConflictsResponse {
  conflicts: ConflictView[];
  unresolved: number;
}

export interface AgreementStatisticsView {
  /** Records both reviewers decided. */
  n: number;
  percentAgreement: number;
  kappa: number | null;
  kappaCi95: [number, number] | null;
  pabak: number | null;
  gwetAc1: number | null;
}

export interface PairAgreementView extends AgreementStatisticsView {
  reviewerIds: [string, string];
  reviewerNames: [string, string];
  /** Full text: agreement on each exclusion reason (did both cite it), over records both excluded. */
  perReason: Array<{ reasonId: string; label: string } & AgreementStatisticsView>;
}

export interface AgreementResponse {
  stageId: string;
  overall: AgreementStatisticsView | null;
  pairs: PairAgreementView[];
}

export interface StoppingEvidenceView {
  screened: number;
  includes: number;
  sinceLastInclude: number;
  /** Estimate of relevant records not yet found (null until there is a basis for one). */
  estimatedRemainingRelevant: number | null;
  /** Callaghan & Müller-Hansen (2020) test on the random sample screened since it started. */
  stoppingTest: {
    targetRecall: number;
    sampleSize: number;
    includesInSample: number;
    pValue: number;
    /** p < 0.05: recall below the target is rejected. */
    canStop: boolean;
  } | null;
  model: ModelStatusView;
}

export interface StageDashboardResponse {
  stage: StageView;
  evidence: StoppingEvidenceView;
  /** Per reviewer: decisions made (leads see everyone; a reviewer sees only themself). */
  reviewers: Array<{ reviewerId: string; name: string; decisions: number }>;
  /** Recorded stopping decisions, newest first. */
  stops: Array<{ at: string; by: string; note: string; evidence: StoppingEvidenceView }>;
}

export interface DecisionHistoryResponse {
  /** Every decision ever made on the record at this stage, oldest first (leads; others see their own). */
  decisions: Array<DecisionView & { retracted: boolean }>;
  resolutions: ResolutionView[];
}

/** Query strings of the screening read routes (parsed by the server, built by the web client). */
export const nextRecordsQuerySchema = z.object({
  count: z.coerce.number().int().min(1).max(50).default(5),
});
export type NextRecordsQuery = z.input<typeof nextRecordsQuerySchema>;

export const screeningRecordsQuerySchema = z.object({
  /** The final decision; with `reviewerId`, that reviewer's current decision. */
  decision: z.enum(['include', 'exclude', 'maybe', 'undecided']).optional(),
  /** true: only records in unresolved conflict; false: none of them. */
  conflict: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  /** Records this reviewer decided (another reviewer's only for leads or once unblinded). */
  reviewerId: z.uuid().optional(),
  reasonId: z.uuid().optional(),
  q: z.string().max(500).optional(),
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ScreeningRecordsQuery = z.input<typeof screeningRecordsQuerySchema>;

export const decisionsExportQuerySchema = z.object({
  format: z.enum(DECISION_FILE_FORMATS).default('asreview-csv'),
});
