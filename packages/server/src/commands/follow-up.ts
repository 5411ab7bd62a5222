import { createHash } from 'node:crypto';
import type { User } from '@weft/core';
import type { CommandPayload, CommandResults, CommandType } from '@weft/protocol';
import type { Store } from '@weft/storage';

/**
 * A command id derived from a parent command's id and a step name. Replaying the parent
 * derives the same ids, so its follow-ups replay idempotently and any that failed resume.
 * Formatted as a version-4, RFC 9562-variant UUID so it passes the same validation.
 */
export function derivedCommandId(parentId: string, step: string): string {
  const hex = createHash('sha256').update(`${parentId}:${step}`).digest('hex');
  const variant = ((Number.parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export interface FollowUpRunner {
  store: Store;
  actor: User;
  /** An id for something a follow-up stores outside a command (an upload), stable across replays. */
  derivedId(step: string): string;
  command<T extends CommandType>(
    step: string,
    type: T,
    payload: CommandPayload<T>,
    projectId?: string,
  ): Promise<CommandResults[T]>;
}
