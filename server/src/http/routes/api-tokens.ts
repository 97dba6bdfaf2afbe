/**
 * `/api/api-tokens` (design §6): tokens for integrations. The token is shown once, at creation;
 * revoking keeps the row (and its audit trail) and refuses the token from then on.
 */
import { eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { z } from 'zod';
import { audit } from '../../audit/audit.ts';
import { generateApiToken, toApiTokenView } from '../../auth/api-tokens.ts';
import { apiTokens } from '../../db/schema.ts';
import { notFound } from '../../errors.ts';
import { FAMILIES } from '../../people/access-rules.ts';
import { currentCaller, requireUser } from '../auth.ts';
import type { AppEnv } from '../env.ts';
import { keyset } from '../keyset.ts';
import { decodeCursor, page, PageQuery } from '../pagination.ts';
import { parseJson, parseQuery } from '../validate.ts';

const Scope = z.string().refine((s) => {
  if (s === '*') return true;
  const [family, access] = s.split(':');
  return (FAMILIES as readonly string[]).includes(family ?? '') && (access === 'read' || access === 'write');
}, 'must be * or <family>:read or <family>:write, e.g. tickets:write');

export const TokenInput = z.strictObject({
  name: z.string().trim().min(1).max(200),
  // Staff are scoped to a site and a token has none, so a token cannot be staff.
  role: z.enum(['admin', 'manager', 'agent'], { error: 'must be admin, manager or agent' }),
  scopes: z.array(Scope).max(50).default([]),
});
const UUID = /^[0-9a-f-]{36}$/i;

async function findToken(db: AppEnv['Variables']['deps']['database']['db'], id: string) {
  const [row] = UUID.test(id) ? await db.select().from(apiTokens).where(eq(apiTokens.id, id)) : [];
  if (!row) throw notFound('API token', id);
  return row;
}

export function apiTokenRoutes() {
  const r = new Hono<AppEnv>();
  r.use(requireUser('admin'));

  r.get('/', async (c) => {
    const q = parseQuery(c, PageQuery);
    const order = keyset(apiTokens.createdAt, apiTokens.id, 'desc', decodeCursor(q.cursor));
    const rows = await c.get('deps').database.db.select().from(apiTokens)
      .where(order.where).orderBy(...order.orderBy).limit(q.limit + 1);
    const result = page(rows, q.limit, (t) => ({ at: t.createdAt, id: t.id }));
    return c.json({ items: result.items.map(toApiTokenView), nextCursor: result.nextCursor });
  });

  r.get('/:id', async (c) => c.json(toApiTokenView(await findToken(c.get('deps').database.db, c.req.param('id')))));

  r.post('/', async (c) => {
    const input = await parseJson(c, TokenInput);
    const caller = currentCaller(c);
    const { token, tokenHash } = generateApiToken();
    const row = await c.get('deps').database.db.transaction(async (tx) => {
      const [created] = await tx.insert(apiTokens)
        .values({ ...input, tokenHash, createdBy: caller.kind === 'user' ? caller.id : null }).returning();
      await audit(tx, caller.actor, 'create', 'api-token', created!.id, input);
      return created!;
    });
    return c.json({ apiToken: toApiTokenView(row), token }, 201);
  });

  r.delete('/:id', async (c) => {
    const { db } = c.get('deps').database;
    const row = await findToken(db, c.req.param('id'));
    if (row.revokedAt) return c.json(toApiTokenView(row)); // revoking twice changes nothing
    const revoked = await db.transaction(async (tx) => {
      const [updated] = await tx.update(apiTokens).set({ revokedAt: c.get('deps').now() }).where(eq(apiTokens.id, row.id)).returning();
      await audit(tx, currentCaller(c).actor, 'revoke', 'api-token', row.id);
      return updated!;
    });
    return c.json(toApiTokenView(revoked));
  });
  return r;
}
