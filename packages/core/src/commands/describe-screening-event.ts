import type { ProjectEvent } from './command.js';
import { eventWords } from './event-words.js';

/**
 * Activity-feed sentences for screening events; undefined for any other event. Decision and
 * resolution sentences never name the verdict: the feed is shown to reviewers of a blinded stage.
 */
export function describeScreeningEvent(event: ProjectEvent): string | undefined {
  const { who, str, count, payload } = eventWords(event);
  const stage = str('stageName') || str('name');
  const at = stage ? ` at ${stage}` : '';
  switch (event.eventType) {
    case 'screening.stages-created':
      return `${who} set up screening: ${count('stages', 'stage')}`;
    case 'stage.created':
      return `${who} created the screening stage “${str('name')}” (${describeMode(payload)})`;
    case 'stage.updated':
      return `${who} changed the screening stage “${str('name')}” (${describeMode(payload)})`;
    case 'stage.criteria-set': {
      const n = Array.isArray(payload.criteria) ? payload.criteria.length : 0;
      return `${who} set the criteria of “${str('name')}”: ${n} criteri${n === 1 ? 'on' : 'a'}`;
    }
    case 'stage.reasons-set':
      return `${who} set the exclusion reasons of “${str('name')}”: ${count('reasons', 'reason')}`;
    case 'stage.stopping-sample-started':
      return `${who} started the random stopping sample at ${str('name')} (${count('remaining', 'record')} remaining)`;
    case 'stage.stopped':
      return `${who} decided to stop screening at ${str('name')}, with the evidence shown then`;
    case 'stage.unblinded':
      return `${who} unblinded the stage “${str('name')}”`;
    case 'stage.closed':
      return `${who} closed the stage “${str('name')}”`;
    case 'stage.reopened':
      return `${who} reopened the stage “${str('name')}”`;
    case 'screening.decided':
      return payload.changed === true
        ? `${who} changed a screening decision${at}`
        : `${who} screened a record${at}`;
    case 'screening.retracted':
      return `${who} took back a screening decision${at}`;
    case 'screening.resolved':
      return payload.method === 'consensus'
        ? `${who} recorded a consensus on a conflict${at}`
        : `${who} resolved a conflict as third reviewer${at}`;
    case 'screening.decisions-imported':
      return `${who} imported ${count('recorded', 'decision')} by ${str('reviewerName') || 'a reviewer'} from ${str('fileName')} into “${str('stageName')}” (${count('unmatched', 'row')} unmatched)`;
    case 'model.trained':
      // No label counts: on a blinded stage they would move with another reviewer's decision.
      return `The prioritisation model was retrained (version ${String(payload.version ?? '?')}); the queue order follows it`;
    default:
      return undefined;
  }
}

function describeMode(payload: Record<string, unknown>): string {
  if (payload.mode === 'dual') return 'dual screening';
  if (payload.mode === 'sample')
    return `single screening, ${String(payload.samplePercent ?? '?')} % dual-screened`;
  return 'single screening';
}
