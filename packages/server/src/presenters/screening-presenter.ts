import type { BibliographicRecord, PersonName } from '@weft/core';
import type {
  CriterionGroup,
  CriterionView,
  DecisionView,
  ReasonView,
  ResolutionView,
  ScreeningRecordView,
  StageProgressView,
  StageView,
} from '@weft/protocol';
import type {
  StageRecord,
  StoredCriterion,
  StoredDecision,
  StoredReason,
  StoredResolution,
  StoredStage,
} from '@weft/storage';

function personName(person: PersonName): string {
  if (person.literal) return person.literal;
  return person.given ? `${person.family}, ${person.given}` : person.family;
}

export function presentScreeningRecord(item: StageRecord): ScreeningRecordView {
  const record = (item.record ?? {}) as Partial<BibliographicRecord>;
  return {
    recordId: item.recordId,
    title: record.title ?? '',
    abstract: record.abstract ?? '',
    authors: (record.authors ?? []).map(personName),
    year: record.year ?? null,
    container: record.container ?? '',
    keywords: record.keywords ?? [],
    doi: record.doi ?? null,
    pmid: record.pmid ?? null,
    url: record.urls?.[0] ?? null,
    score: item.score,
    dual: item.inSample,
  };
}

export function presentDecision(decision: StoredDecision): DecisionView {
  return {
    id: decision.id,
    recordId: decision.recordId,
    reviewerId: decision.reviewerId,
    reviewerName: decision.reviewerName,
    decision: decision.decision,
    reasonIds: decision.reasonIds,
    note: decision.note,
    at: decision.at.toISOString(),
    source: decision.source,
  };
}

export function presentResolution(resolution: StoredResolution): ResolutionView {
  return {
    id: resolution.id,
    method: resolution.method,
    decision: resolution.decision,
    reasonIds: resolution.reasonIds,
    participantIds: resolution.participantIds,
    resolvedBy: resolution.resolvedBy,
    note: resolution.note,
    at: resolution.at.toISOString(),
  };
}

function presentCriterion(criterion: StoredCriterion): CriterionView {
  return {
    id: criterion.id,
    group: criterion.group as CriterionGroup,
    kind: criterion.kind,
    text: criterion.text,
  };
}

export function presentStage(
  stage: StoredStage,
  criteria: readonly StoredCriterion[],
  reasons: readonly StoredReason[],
  excludedByReason: ReadonlyMap<string, number>,
  progress: StageProgressView,
): StageView {
  return {
    id: stage.id,
    key: stage.key,
    name: stage.name,
    position: stage.position,
    mode: stage.mode,
    samplePercent: stage.samplePercent,
    sampleSeed: stage.sampleSeed,
    reviewerIds: stage.reviewerIds,
    reasonRequired: stage.reasonRequired,
    status: stage.status,
    blinded: stage.blinded,
    version: stage.version,
    criteria: criteria.filter((c) => c.stageId === stage.id).map(presentCriterion),
    includeKeywords: stage.includeKeywords,
    excludeKeywords: stage.excludeKeywords,
    reasons: reasons
      .filter((r) => r.stageId === stage.id)
      .map(
        (r, i): ReasonView => ({
          id: r.id,
          label: r.label,
          position: i + 1,
          excludedCount: excludedByReason.get(r.id) ?? 0,
        }),
      ),
    progress,
  };
}
