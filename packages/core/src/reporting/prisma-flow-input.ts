/**
 * What the PRISMA 2020 flow is computed from: the project's own searches, records, decisions and
 * reports, as plain data. Storage gathers it; `computePrismaFlow` turns it into the diagram's boxes.
 */

/** PRISMA-S source types. Databases and registers form the main column; the rest are "other methods". */
export type PrismaSourceType =
  | 'database'
  | 'register'
  | 'website'
  | 'organisation'
  | 'citation-searching'
  | 'other';

export interface PrismaSearch {
  id: string;
  /** As the diagram names it ("MEDLINE via Ovid"). */
  name: string;
  sourceType: PrismaSourceType;
}

export type FinalDecision = 'include' | 'exclude' | 'maybe' | null;

export interface PrismaRecord {
  id: string;
  searchId: string;
  /**
   * Set when the record was removed before screening as a duplicate (it was folded into another
   * record of its group): by the engine, or by a person answering the review queue.
   */
  duplicateRemoval: 'automatic' | 'manual' | null;
  /** Ids of every record in its duplicate group (itself included), when it has one. */
  groupRecordIds?: readonly string[];
  /** Removed before screening for another reason (PRISMA's "marked ineligible by automation tools" / "other reasons"). */
  otherRemoval?: 'automation' | 'other' | null;
  /**
   * Set when computed elsewhere: the record, or a duplicate folded into it, came from a database or
   * register (otherwise derived from `groupRecordIds`).
   */
  groupHasDatabaseOrRegister?: boolean;
  /**
   * How many records this entry stands for (1 when absent). Lets the store hand over counts of
   * identical records instead of every record when only the numbers are wanted.
   */
  weight?: number;
  /** The final decision at the records stage (title/abstract), when the record is screened. */
  recordDecision: FinalDecision;
  /**
   * Whether anyone holds a current decision on the record at the records stage. A record without a
   * final decision may still have some (one of two reviewers, a conflict): it was screened, not
   * left unscreened by a stop. Absent = none.
   */
  recordHasDecisions?: boolean;
  /**
   * Imported after title/abstract screening was stopped: the stopping rule's evidence never
   * covered it, so, undecided, it awaits a decision rather than counting as removed by the rule.
   * Absent = imported before (or no stop).
   */
  importedAfterStop?: boolean;
  /** Present once the record became a report: sought for retrieval at the eligibility stage. */
  report?: PrismaReport;
}

export interface PrismaReport {
  /** False when the full text could not be obtained; null while not yet known. */
  retrieved: boolean | null;
  /** The final decision at the eligibility stage (full text). */
  decision: FinalDecision;
  /** Exclusion reasons (labels) of a final exclusion. */
  reasons: readonly string[];
  /** The study this report belongs to; reports of one study share it (PRISMA 2020 counts both). */
  studyId: string;
}

export interface PrismaFlowInput {
  searches: readonly PrismaSearch[];
  records: readonly PrismaRecord[];
  /**
   * False when the project has no eligibility stage: what passes the records stage is then
   * included directly (a review screening titles and abstracts only).
   */
  hasEligibilityStage: boolean;
  /** Studies and reports of the previous version, for an updated review. */
  previous: { studies: number; reports: number } | null;
  /**
   * Stages the team stopped by a documented rule (a recorded stop, stage `stopped` or `closed`
   * after it): `records` the first (title/abstract) stage, `reports` the eligibility stage.
   * Absent = neither.
   */
  stopped?: { records: boolean; reports: boolean };
  /** Possible duplicate pairs nobody has reviewed yet (the duplicate count may still change). */
  pendingDuplicatePairs?: number;
}
