import { WeftError } from '../errors.js';
import { type Role, roleAtLeast } from '../project/role.js';

/**
 * A coding belongs to its coder: they remove, recode and resize it, and so may a lead or owner
 * (who keeps the analysis in order). Another reviewer may not, or second coding would not be
 * independent: one coder could quietly undo a colleague's work. Codebook merges and splits move
 * codings wholesale and are governed by the codebook actions instead.
 */
export function mayChangeCoding(role: Role | undefined, actorId: string, coderId: string): boolean {
  if (!role || !roleAtLeast(role, 'reviewer')) return false;
  return actorId === coderId || roleAtLeast(role, 'lead');
}

/** Throws forbidden unless `mayChangeCoding`; the error names the coding so the refusal is audited. */
export function requireMayChangeCoding(
  role: Role | undefined,
  actorId: string,
  coding: { id: string; coderId: string },
  /** Named in the error's details so the refusal's audit entry belongs to the project. */
  projectId?: string,
): void {
  if (!mayChangeCoding(role, actorId, coding.coderId))
    throw new WeftError(
      'forbidden',
      "This is another coder's coding: only its coder or a lead may change it.",
      { codingId: coding.id, ...(projectId ? { projectId } : {}) },
    );
}
