import type { Project, Role, User } from '@weft/core';
import type { COMMAND_PAYLOADS, CommandResults, CommandType } from '@weft/protocol';
import type { CommandOutcome, Database } from '@weft/storage';
import type { Transaction } from 'kysely';
import type { z } from 'zod';
import type { FollowUpRunner } from './follow-up.js';

export type ParsedPayload<T extends CommandType> = z.output<(typeof COMMAND_PAYLOADS)[T]>;

export interface CommandContext {
  actor: User;
  /** Set for project commands: the project as it was before the transaction, and the actor's role. */
  project?: Project;
  role?: Role;
  /** The command's id, for rows that point back at the command that wrote them. */
  commandId?: string;
}

/**
 * One command type: who may run it and what it changes. `apply` runs inside the command's
 * transaction; it throws a WeftError to refuse, which rolls everything back.
 */
export interface CommandHandler<T extends CommandType, TPrepared = ParsedPayload<T>> {
  type: T;
  scope: 'instance' | 'project';
  /** Refuses (throws forbidden) before any transaction starts. */
  authorize(context: CommandContext, payload: ParsedPayload<T>): void;
  /** Slow work that needs no transaction (hashing a password), done before one is opened. */
  prepare?(payload: ParsedPayload<T>): Promise<TPrepared>;
  apply(
    trx: Transaction<Database>,
    context: CommandContext,
    payload: TPrepared,
    at: Date,
  ): Promise<CommandOutcome<CommandResults[T]>>;
  /**
   * Commands to run after this one has committed, each its own transaction and event (so the
   * audit trail shows each step). Also run when the command is replayed, which resumes them.
   */
  followUp?(run: FollowUpRunner, result: CommandResults[T]): Promise<void>;
}

export function defineHandler<T extends CommandType, TPrepared = ParsedPayload<T>>(
  handler: CommandHandler<T, TPrepared>,
): CommandHandler<T, TPrepared> {
  return handler;
}
