/** Login sessions: a random cookie value, stored only as its SHA-256. */
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, lt, ne } from 'drizzle-orm';
import type { Db, DbOrTx } from '../db/client.ts';
import type { User } from '../db/schema.ts';
import { sessions, users } from '../db/schema.ts';

export const SESSION_COOKIE = 'dash_session';
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

const digest = (token: string) => createHash('sha256').update(token).digest('hex');

export async function createSession(db: Db, userId: string, now: Date): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
  await db.insert(sessions).values({ tokenHash: digest(token), userId, expiresAt });
  await db.delete(sessions).where(lt(sessions.expiresAt, now)); // housekeeping, cheap with few rows
  return { token, expiresAt };
}

export async function findSessionUser(db: Db, token: string, now: Date): Promise<User | null> {
  const [row] = await db
    .select({ user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, digest(token)), gt(sessions.expiresAt, now), eq(users.disabled, false)));
  return row?.user ?? null;
}

export async function deleteSession(db: Db, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, digest(token)));
}

/** Ends a user's sessions (password reset, account disabled), or all but the caller's own. */
export async function deleteUserSessions(db: DbOrTx, userId: string, keepToken?: string): Promise<void> {
  await db.delete(sessions).where(and(eq(sessions.userId, userId), keepToken ? ne(sessions.tokenHash, digest(keepToken)) : undefined));
}
