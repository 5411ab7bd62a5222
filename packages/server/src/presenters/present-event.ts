import type { ProjectEvent, Role } from '@weft/core';
import { mayDo } from '../policies/project-policy.js';

/** Who is reading the feed: their role decides what of a screening decision they may see. */
export interface EventViewer {
  userId: string;
  role: Role;
}

/** Events that carry a reviewer's verdict, and the fields hidden (the verdict and what points at it). */
const VERDICT_EVENTS = new Set(['screening.decided', 'screening.resolved']);
const VERDICT_FIELDS = ['decision', 'reasonIds', 'note', 'decisionId'];

/**
 * An event as one viewer may see it. The log keeps every decision's full payload (the audit
 * trail); the feed hides the verdict, reasons and note from everyone below lead except the one
 * who decided, so a reviewer of a blinded stage never learns another's decision from the feed.
 * Both the JSON feed and the WebSocket present events through this one function.
 */
export function presentEvent(event: ProjectEvent, viewer: EventViewer): ProjectEvent {
  if (event.eventType === MODEL_EVENT) return presentModelEvent(event, viewer);
  if (!VERDICT_EVENTS.has(event.eventType)) return event;
  if (event.actorId === viewer.userId || mayDo(viewer.role, 'screening.read-all-decisions')) return event;
  const payload = { ...((event.payload ?? {}) as Record<string, unknown>) };
  for (const field of VERDICT_FIELDS) delete payload[field];
  return { ...event, payload: { ...payload, blinded: true } };
}

/**
 * The model trains on single decisions of records that need two; its label counts would move
 * when another reviewer decides, so reviewers get the event without them.
 */
const MODEL_EVENT = 'model.trained';
const MODEL_COUNT_FIELDS = ['includes', 'excludes', 'labelCount'];

function presentModelEvent(event: ProjectEvent, viewer: EventViewer): ProjectEvent {
  if (mayDo(viewer.role, 'screening.read-all-decisions')) return event;
  const payload = { ...((event.payload ?? {}) as Record<string, unknown>) };
  for (const field of MODEL_COUNT_FIELDS) delete payload[field];
  return { ...event, payload: { ...payload, blinded: true } };
}

/** Follows a viewer's role through the feed (a lead who is demoted stops seeing verdicts at once). */
export function followRole(viewer: EventViewer, event: ProjectEvent): void {
  if (event.eventType !== 'member.role-changed') return;
  const payload = (event.payload ?? {}) as { userId?: string; role?: Role };
  if (payload.userId === viewer.userId && payload.role) viewer.role = payload.role;
}
