import type {
  DuplicateCandidateView,
  IdentificationResponse,
  RecordView,
  SearchSourceType,
  SearchView,
} from '@weft/protocol';
import type { IdentificationCounts, QueueEntry, SearchSummary, StoredRecord } from '@weft/storage';

export function presentSearch(search: SearchSummary): SearchView {
  return {
    id: search.id,
    sourceType: search.sourceType as SearchSourceType,
    name: search.name,
    platform: search.platform,
    dateRun: search.dateRun,
    query: search.query,
    reportedCount: search.reportedCount,
    notes: search.notes,
    version: search.version,
    createdAt: search.createdAt,
    importCount: search.importCount,
    recordCount: search.recordCount,
  };
}

export function presentRecord(record: StoredRecord): RecordView {
  return {
    id: record.id,
    searchId: record.searchId,
    importId: record.importId,
    groupId: record.groupId,
    isPrimary: record.isPrimary,
    ...(record.removal !== undefined
      ? {
          removal: record.removal && {
            kind: record.removal.kind,
            reason: record.removal.reason,
            removedAt: record.removal.removedAt.toISOString(),
          },
        }
      : {}),
    version: record.version,
    record: record.record,
  };
}

export function presentCandidate(entry: QueueEntry): DuplicateCandidateView {
  return {
    id: entry.id,
    decision: entry.decision,
    score: entry.score,
    evidence: entry.evidence as DuplicateCandidateView['evidence'],
    status: entry.status,
    answeredBy: entry.answeredBy,
    answeredAt: entry.answeredAt,
    a: presentRecord(entry.a),
    b: presentRecord(entry.b),
  };
}

export function presentIdentification(counts: IdentificationCounts): IdentificationResponse {
  return { ...counts };
}
