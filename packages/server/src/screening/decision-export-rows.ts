import type { DecisionExportRow } from '@weft/formats';
import {
  currentDecisions,
  type Database,
  listReasons,
  listResolutions,
  listStageRecords,
  type StageRecord,
  type StoredDecision,
  type StoredStage,
} from '@weft/storage';
import type { Kysely } from 'kysely';
import { presentScreeningRecord } from '../presenters/screening-presenter.js';
import { type Asker, mayReveal } from './stage-views.js';

/**
 * A stage's records with decisions, in the shape the decision-file writers take (ASReview,
 * Rayyan, Covidence, RIS). Shaped for the asker: a reviewer of a blinded stage exports only their
 * own decisions; a lead (and the CLI, which acts as the instance administrator) the final ones.
 */
export async function decisionExportRows(
  db: Kysely<Database>,
  chain: readonly StoredStage[],
  asker: Asker,
): Promise<DecisionExportRow[]> {
  const stage = chain[chain.length - 1] as StoredStage;
  const reasons = new Map((await listReasons(db, [stage.id], true)).map((r) => [r.id, r.label]));
  const rows: DecisionExportRow[] = [];
  for (let offset = 0; ; offset += 5000) {
    const page = await listStageRecords(db, chain, { offset, limit: 5000 });
    const decisions = await currentDecisions(
      db,
      stage.id,
      page.records.map((r) => r.recordId),
    );
    const resolutions = await listResolutions(
      db,
      stage.id,
      page.records.map((r) => r.recordId),
    );
    for (const item of page.records)
      rows.push(exportRow(item, decisions, resolutions, reasons, asker, stage));
    if (page.records.length < 5000) break;
  }
  return rows;
}

function exportRow(
  item: StageRecord,
  decisions: readonly StoredDecision[],
  resolutions: Awaited<ReturnType<typeof listResolutions>>,
  reasons: ReadonlyMap<string, string>,
  asker: Asker,
  stage: StoredStage,
): DecisionExportRow {
  const record = presentScreeningRecord(item);
  const onRecord = decisions.filter((d) => d.recordId === item.recordId);
  const reveal = mayReveal(stage, item.state, asker);
  // Blinded reviewers export their own decisions; everyone else the final ones.
  const visible = reveal ? onRecord : onRecord.filter((d) => d.reviewerId === asker.userId);
  const mine = onRecord.find((d) => d.reviewerId === asker.userId);
  const resolution = resolutions.find((r) => r.recordId === item.recordId);
  const chosen = reveal
    ? {
        decision: item.state.final,
        reasonIds: resolution ? resolution.reasonIds : [...new Set(onRecord.flatMap((d) => d.reasonIds))],
        note:
          resolution?.note ??
          onRecord
            .map((d) => d.note)
            .filter(Boolean)
            .join(' | '),
      }
    : { decision: mine?.decision ?? null, reasonIds: mine?.reasonIds ?? [], note: mine?.note ?? '' };
  return {
    recordId: item.recordId,
    ...(record.title ? { title: record.title } : {}),
    ...(record.abstract ? { abstract: record.abstract } : {}),
    authors: record.authors,
    ...(record.year !== null ? { year: record.year } : {}),
    ...(record.container ? { journal: record.container } : {}),
    ...(record.doi ? { doi: record.doi } : {}),
    ...(record.pmid ? { pmid: record.pmid } : {}),
    decision: chosen.decision,
    reasons: chosen.reasonIds.map((id) => reasons.get(id) ?? id),
    note: chosen.note,
    reviewers: visible.map((d) => ({ name: d.reviewerName, decision: d.decision })),
  };
}
