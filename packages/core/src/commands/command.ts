/**
 * A command is a request to change something, sent by a client with an id it generated.
 * The id makes a replay (a retry, an offline client catching up) idempotent.
 */
export interface Command<TType extends string = string, TPayload = unknown> {
  id: string;
  type: TType;
  /** Absent for commands that are not about one project (creating a project, an account). */
  projectId?: string;
  payload: TPayload;
}

/** One entry of a project's event log: the audit trail and the live feed. */
export interface ProjectEvent<TPayload = unknown> {
  type: 'event';
  projectId: string;
  /** Per-project sequence number: 1, 2, 3, … with no gaps. */
  seq: number;
  commandId: string;
  actorId: string;
  /** The actor's display name at the time, so the feed reads well without a join. */
  actorName: string;
  eventType: string;
  payload: TPayload;
  at: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}
