import { type MatchableRecord, matchDecisionRows, normalizeText, roleAtLeast, WeftError } from '@weft/core';
import { type DecisionRow, parseDecisionFile } from '@weft/formats';
import type { ScreeningCommandResults } from '@weft/protocol';
import {
  currentDecisions,
  type Database,
  findMembership,
  findUserById,
  insertDecisions,
  listReasons,
  type NewDecision,
  outcomesSql,
  readUpload,
  type StoredStage,
} from '@weft/storage';
import { sql, type Transaction } from 'kysely';
import { loadStage, requireNotClosed } from '../../screening/stage-context.js';
import { defineHandler } from '../command-handler.js';
import { projectOf, requireProjectAction } from '../require.js';
import { requireAssigned } from './screening-decide.js';

type ImportResult = ScreeningCommandResults['screening.import-decisions'];

/**
 * Imports a stage's decisions from another tool's export (ASReview, Rayyan or Covidence CSV,
 * or RIS with labels), attributed to one reviewer, in the command's one transaction: a file
 * that fails to parse leaves nothing behind. Rows are matched to the stage's records by Weft id,
 * DOI, PMID, then normalised title and year (core's matchDecisionRows, which also knows each
 * merged record by its duplicates' identifiers); rows that match nothing, or several records,
 * are listed for the user, not guessed. Undecided rows are counted and skipped; a decision the
 * reviewer already has is not recorded twice (re-importing a file changes nothing).
 */
export const screeningImportDecisions = defineHandler({
  type: 'screening.import-decisions',
  scope: 'project',
  authorize: (context) => requireProjectAction(context, 'screening.import-decisions'),
  async apply(trx, context, payload, at) {
    const project = projectOf(context);
    const { stage, chain } = await loadStage(trx, project.id, payload.stageId, true);
    requireNotClosed(stage);
    const role = await findMembership(trx, project.id, payload.reviewerId);
    if (!role || !roleAtLeast(role, 'reviewer'))
      throw new WeftError(
        'validation',
        'reviewerId: decisions can only be attributed to a member with the reviewer role or above.',
      );
    requireAssigned(stage, payload.reviewerId);
    const reviewer = await findUserById(trx, payload.reviewerId);
    const upload = await readUpload(trx, project.id, payload.uploadId);
    if (!upload)
      throw new WeftError('not-found', 'That upload does not exist in this project: upload the file again.');

    const file = parseDecisionFile(
      upload.bytes,
      upload.fileName,
      payload.format ? { format: payload.format } : {},
    );
    if (file.rows.length === 0)
      throw new WeftError('bad-input', `${upload.fileName}: the file contains no rows.`);

    const { matched, unmatched } = matchDecisionRows(file.rows, await stageRecordIdentifiers(trx, chain));
    const result: ImportResult = {
      rows: file.rows.length,
      matched: 0,
      decisions: { include: 0, exclude: 0, maybe: 0, undecided: 0 },
      unmatched: [],
    };
    const notInStage = await recordsOutsideStage(
      trx,
      project.id,
      unmatched.filter((u) => u.kind === 'no-match').map((u) => u.row),
      new Set(matched.map((m) => m.recordId)),
    );
    for (const u of unmatched) {
      const reason = notInStage.has(u.row.rowNumber)
        ? `the record is not screened at ${stage.name} (a merged duplicate, or not passed on by the stage before)`
        : u.reason;
      result.unmatched.push(unmatchedEntry(u.row, reason));
    }

    const reasonIdOf = await stageReasonIds(trx, stage);
    const existing = new Map(
      (
        await currentDecisions(
          trx,
          stage.id,
          matched.map((m) => m.recordId),
        )
      )
        .filter((d) => d.reviewerId === payload.reviewerId)
        .map((d) => [d.recordId, d]),
    );
    const toRecord: NewDecision[] = [];
    for (const { row, recordId } of matched) {
      if (row.decision === null) {
        result.matched++;
        result.decisions.undecided++;
        continue;
      }
      const known =
        row.decision === 'include' ? [] : row.reasons.map((r) => reasonIdOf.get(normalizeText(r)));
      const reasonIds = [...new Set(known.filter((id): id is string => id !== undefined))];
      const unknownReasons =
        row.decision === 'include' ? [] : row.reasons.filter((r) => !reasonIdOf.has(normalizeText(r)));
      if (row.decision === 'exclude' && stage.reasonRequired && reasonIds.length === 0) {
        result.unmatched.push(
          unmatchedEntry(
            row,
            `an exclusion at ${stage.name} needs one of the stage's reasons${row.reasons.length > 0 ? ` (the file gives ${row.reasons.join(', ')})` : ''}`,
          ),
        );
        continue;
      }
      result.matched++;
      result.decisions[row.decision]++;
      // Reasons the stage does not have are kept in the note rather than dropped.
      const note = [
        row.note,
        unknownReasons.length > 0 ? `Reasons in ${file.format} file: ${unknownReasons.join('; ')}` : '',
      ]
        .filter((n) => n !== '')
        .join('\n');
      const current = existing.get(recordId);
      if (
        current &&
        current.decision === row.decision &&
        current.note === note &&
        sameSet(current.reasonIds, reasonIds)
      )
        continue;
      toRecord.push({
        projectId: project.id,
        stageId: stage.id,
        recordId,
        reviewerId: payload.reviewerId,
        decision: row.decision,
        reasonIds,
        note,
        source: 'import',
        at,
      });
    }
    result.unmatched.sort((a, b) => a.row - b.row);
    if (toRecord.length > 0) await insertDecisions(trx, toRecord);

    return {
      result,
      event: {
        projectId: project.id,
        eventType: 'screening.decisions-imported',
        // Counts only: the feed is shown to reviewers of a blinded stage.
        payload: {
          stageId: stage.id,
          stageName: stage.name,
          reviewerId: payload.reviewerId,
          reviewerName: reviewer?.display_name ?? '',
          fileName: upload.fileName,
          format: file.format,
          rows: result.rows,
          matched: result.matched,
          recorded: toRecord.length,
          unmatched: result.unmatched.length,
        },
      },
    };
  },
});

function unmatchedEntry(row: DecisionRow, reason: string): ImportResult['unmatched'][number] {
  return { row: row.rowNumber, reason: `line ${row.line}: ${reason}`, title: row.ids.title ?? '' };
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

/** The stage's reasons by normalised label (retired ones too: old decisions may cite them). */
async function stageReasonIds(trx: Transaction<Database>, stage: StoredStage): Promise<Map<string, string>> {
  const reasons = await listReasons(trx, [stage.id], true);
  return new Map(reasons.map((r) => [normalizeText(r.label), r.id]));
}

/**
 * Identifiers of the stage's records: each eligible record under its own identifiers and,
 * when it is a merged record, under each of its duplicates' (a file may cite any of them).
 */
async function stageRecordIdentifiers(
  trx: Transaction<Database>,
  chain: readonly StoredStage[],
): Promise<MatchableRecord[]> {
  const { rows } = await sql<{
    id: string;
    doi: string | null;
    pmid: string | null;
    title: string | null;
    year: number | null;
  }>`
    select s.record_id as id, m.doi, m.pmid, m.title, m.year
    from (${outcomesSql(chain[chain.length - 1] as StoredStage)}) s
    join records r on r.id = s.record_id
    join records m on m.id = r.id or (r.group_id is not null and m.group_id = r.group_id)`.execute(trx);
  return rows;
}

/** Rows that match a record of the project that this stage does not screen (for a clearer message). */
async function recordsOutsideStage(
  trx: Transaction<Database>,
  projectId: string,
  rows: DecisionRow[],
  taken: ReadonlySet<string>,
): Promise<Set<number>> {
  if (rows.length === 0) return new Set();
  const all = await trx
    .selectFrom('records')
    .select(['id', 'doi', 'pmid', 'title', 'year'])
    .where('project_id', '=', projectId)
    .execute();
  const { matched } = matchDecisionRows(rows, all);
  return new Set(matched.filter((m) => !taken.has(m.recordId)).map((m) => m.row.rowNumber));
}
