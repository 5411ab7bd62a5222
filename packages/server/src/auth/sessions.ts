import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { User } from '@weft/core';
import {
  deleteExpiredSessions,
  deleteSession,
  findLiveSession,
  insertSession,
  type Store,
  toUser,
} from '@weft/storage';

export const SESSION_TTL_MS = 14 * 24 * 60 * 60 * 1000;

export interface AuthenticatedSession {
  user: User;
  sessionId: string;
  csrfToken: string;
}

function sessionIdOf(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/** Creates a session and returns the secret cookie token (only its hash is stored). */
export async function startSession(
  store: Store,
  userId: string,
): Promise<{ token: string; csrfToken: string }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const now = new Date();
  // Housekeeping on sign-in keeps the table small without a background job.
  await deleteExpiredSessions(store.db, now);
  await insertSession(store.db, {
    id: sessionIdOf(token),
    userId,
    csrfToken,
    createdAt: now,
    expiresAt: new Date(now.getTime() + SESSION_TTL_MS),
  });
  return { token, csrfToken };
}

export async function resolveSession(
  store: Store,
  token: string | undefined,
): Promise<AuthenticatedSession | undefined> {
  if (!token) return undefined;
  const session = await findLiveSession(store.db, sessionIdOf(token), new Date());
  return session && { user: toUser(session.user), sessionId: session.id, csrfToken: session.csrfToken };
}

export async function endSession(store: Store, sessionId: string): Promise<void> {
  await deleteSession(store.db, sessionId);
}

export function csrfMatches(expected: string, given: string | undefined): boolean {
  if (!given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}
