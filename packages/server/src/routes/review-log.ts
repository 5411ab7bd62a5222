import { describeEvent, type EventNames, type ProjectEvent } from '@weft/core';
import { formatCsvText } from '@weft/formats';
import {
  REVIEW_LOG_CSV_COLUMNS,
  REVIEW_LOG_GROUP_NAMES,
  REVIEW_LOG_GROUPS,
  type ReviewLogEntry,
  type ReviewLogQuery,
  type ReviewLogResponse,
  reviewLogGroupOf,
  reviewLogQuerySchema,
} from '@weft/protocol';
import { toProjectEvent } from '@weft/storage';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { validationError } from '../commands/execute-command.js';
import { requireProjectAction } from '../http/request-context.js';
import { type EventViewer, presentEvent } from '../presenters/present-event.js';
import type { ServerDeps } from '../server-deps.js';
import { attachmentHeader } from './records-export.js';

interface Params {
  id: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 24 * 60 * 60 * 1000;

function parseQuery(request: FastifyRequest): ReviewLogQuery {
  const query = reviewLogQuerySchema.safeParse(request.query);
  if (!query.success) throw validationError(query.error, 'Query');
  return query.data;
}

/** A day means the whole UTC day: `to=2026-11-23` keeps everything that happened on the 23rd. */
function bounds(query: ReviewLogQuery): { from?: Date; before?: Date } {
  const from = query.from
    ? new Date(DAY.test(query.from) ? `${query.from}T00:00:00Z` : query.from)
    : undefined;
  const before = query.to
    ? DAY.test(query.to)
      ? new Date(Date.parse(`${query.to}T00:00:00Z`) + DAY_MS)
      : new Date(Date.parse(query.to) + 1)
    : undefined;
  return { from, before };
}

/**
 * What a presented event still shows beyond its sentence: the rationale of a decision to stop
 * screening, the verdict of a resolution when not hidden.
 */
function detailOf(event: ProjectEvent): string | null {
  const payload = (event.payload ?? {}) as Record<string, unknown>;
  if (event.eventType === 'stage.stopped')
    return typeof payload.note === 'string' && payload.note.trim()
      ? `Rationale: ${payload.note.trim()}`
      : null;
  if (event.eventType !== 'screening.resolved' || typeof payload.decision !== 'string') return null;
  const reasons = Array.isArray(payload.reasonIds) ? payload.reasonIds.length : 0;
  return `Verdict: ${payload.decision}${reasons > 0 ? ` (${reasons} reason${reasons === 1 ? '' : 's'})` : ''}`;
}

/** Payload keys that point at records whose titles the log names (never on verdict events). */
const RECORD_KEYS = ['recordId', 'recordIds', 'studyId', 'previousStudyId', 'primaryRecordId'];
const NAMED_TYPES = new Set([
  'report.retrieval-set',
  'report.study-linked',
  'report.study-unlinked',
  'duplicates.merged',
  'duplicates.unmerged',
  'duplicates.marked-distinct',
  'records.removed-before-screening',
  'records.restored-for-screening',
]);

/** The titles of the records the listed events act on, read in one query. */
async function recordNames(deps: ServerDeps, projectId: string, events: ProjectEvent[]): Promise<EventNames> {
  const ids = new Set<string>();
  for (const event of events) {
    if (!NAMED_TYPES.has(event.eventType)) continue;
    const payload = (event.payload ?? {}) as Record<string, unknown>;
    for (const key of RECORD_KEYS) {
      const value = payload[key];
      for (const id of Array.isArray(value) ? value : [value]) if (typeof id === 'string') ids.add(id);
    }
  }
  const titles = new Map<string, string>();
  if (ids.size > 0) {
    const rows = await deps.store.db
      .selectFrom('records')
      .select(['id', 'title'])
      .where('project_id', '=', projectId)
      .where('id', 'in', [...ids])
      .execute();
    for (const row of rows) if (row.title) titles.set(row.id, row.title);
  }
  return { recordTitle: (id) => titles.get(id) };
}

function toEntry(event: ProjectEvent, viewer: EventViewer, names: EventNames): ReviewLogEntry | undefined {
  const group = reviewLogGroupOf(event.eventType);
  if (!group) return undefined;
  // Through the feed's presenter, so the log never shows a viewer what the feed would hide.
  const shown = presentEvent(event, viewer);
  return {
    seq: shown.seq,
    at: shown.at,
    actorId: shown.actorId,
    actorName: shown.actorName,
    eventType: shown.eventType,
    group,
    description: describeEvent(shown, names),
    detail: detailOf(shown),
  };
}

async function loadLog(deps: ServerDeps, request: FastifyRequest<{ Params: Params }>) {
  const { project, user, role } = await requireProjectAction(
    deps.store,
    request,
    request.params.id,
    'reporting.read',
  );
  const query = parseQuery(request);
  const groups = query.types.length > 0 ? query.types : REVIEW_LOG_GROUP_NAMES;
  const types = groups.flatMap((group) => [...REVIEW_LOG_GROUPS[group]]);
  const { from, before } = bounds(query);
  let select = deps.store.db
    .selectFrom('events')
    .selectAll()
    .where('project_id', '=', project.id)
    .where('type', 'in', types);
  if (from) select = select.where('at', '>=', from);
  if (before) select = select.where('at', '<', before);
  const rows = await select.orderBy('seq').execute();
  const viewer: EventViewer = { userId: user.id, role };
  const words = (query.q ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  const events = rows.map(toProjectEvent);
  const names = await recordNames(deps, project.id, events);
  const entries = events.flatMap((event) => {
    const entry = toEntry(event, viewer, names);
    if (!entry) return [];
    const text =
      `${entry.description} ${entry.actorName} ${entry.eventType} ${entry.detail ?? ''}`.toLowerCase();
    return words.every((word) => text.includes(word)) ? [entry] : [];
  });
  return { project, query, entries };
}

export function reviewLogRoutes(app: FastifyInstance, deps: ServerDeps): void {
  app.get<{ Params: Params }>('/api/projects/:id/review-log', async (request): Promise<ReviewLogResponse> => {
    const { query, entries } = await loadLog(deps, request);
    return {
      total: entries.length,
      entries: entries.slice(query.offset, query.offset + query.limit),
    };
  });

  app.get<{ Params: Params }>('/api/projects/:id/review-log.csv', async (request, reply) => {
    const { project, entries } = await loadLog(deps, request);
    const csv = formatCsvText(
      REVIEW_LOG_CSV_COLUMNS,
      entries.map((e) => [e.seq, e.at, e.actorName, e.group, e.eventType, e.description, e.detail]),
      { bom: true },
    );
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', attachmentHeader(project.name, 'csv', 'review-log'))
      .header('cache-control', 'no-store')
      .send(csv);
  });
}
