/**
 * API tokens for integrations (design §6): `dash_` + 256 random bits, shown once and stored
 * only as SHA-256. A plain hash is enough: the secret is random, not a guessable password.
 */
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, isNull, lt, or } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';
import { apiTokens, type ApiToken } from '../db/schema.ts';

export const API_TOKEN_PREFIX = 'dash_';
/** lastUsedAt is a hint for admins, not an access log: one write a minute per token is plenty. */
export const LAST_USED_RESOLUTION_MS = 60_000;

export const hashApiToken = (token: string) => createHash('sha256').update(token).digest('hex');

export function generateApiToken(): { token: string; tokenHash: string } {
  const token = API_TOKEN_PREFIX + randomBytes(32).toString('base64url');
  return { token, tokenHash: hashApiToken(token) };
}

export type TokenLookup = { kind: 'ok'; token: ApiToken } | { kind: 'unknown' } | { kind: 'revoked'; at: Date };

export async function findApiToken(db: DbOrTx, token: string): Promise<TokenLookup> {
  const [row] = await db.select().from(apiTokens).where(eq(apiTokens.tokenHash, hashApiToken(token)));
  if (!row) return { kind: 'unknown' };
  if (row.revokedAt) return { kind: 'revoked', at: row.revokedAt };
  return { kind: 'ok', token: row };
}

/** Records a use, unless one was recorded in the last minute (the WHERE makes racing servers harmless). */
export async function touchApiToken(db: DbOrTx, token: ApiToken, now: Date): Promise<void> {
  const staleBefore = new Date(now.getTime() - LAST_USED_RESOLUTION_MS);
  if (token.lastUsedAt && token.lastUsedAt > staleBefore) return;
  await db.update(apiTokens).set({ lastUsedAt: now })
    .where(and(eq(apiTokens.id, token.id), or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, staleBefore))));
}

/** What lists and audit entries show: never the hash. */
export function toApiTokenView(t: ApiToken) {
  return {
    id: t.id, name: t.name, role: t.role, scopes: t.scopes, createdBy: t.createdBy,
    createdAt: t.createdAt.toISOString(), lastUsedAt: t.lastUsedAt?.toISOString() ?? null, revokedAt: t.revokedAt?.toISOString() ?? null,
  };
}
