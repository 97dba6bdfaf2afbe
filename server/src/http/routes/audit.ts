/** `GET /api/audit` (admin): who changed what, newest first (design §6). */
import { and, eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { z } from 'zod';
import { auditLog } from '../../db/schema.ts';
import { requireUser } from '../auth.ts';
import type { AppEnv } from '../env.ts';
import { keyset } from '../keyset.ts';
import { decodeCursor, page, PageQuery } from '../pagination.ts';
import { parseQuery } from '../validate.ts';

export const AuditQuery = PageQuery.extend({
  entityType: z.string().max(100).optional(),
  entityId: z.string().max(200).optional(),
  actor: z.string().max(200).optional(),
});

export function auditRoutes() {
  const r = new Hono<AppEnv>();
  r.get('/', requireUser('admin'), async (c) => {
    const q = parseQuery(c, AuditQuery);
    const order = keyset(auditLog.at, auditLog.id, 'desc', decodeCursor(q.cursor));
    const rows = await c.get('deps').database.db.select().from(auditLog).where(and(
      q.entityType ? eq(auditLog.entityType, q.entityType) : undefined,
      q.entityId ? eq(auditLog.entityId, q.entityId) : undefined,
      q.actor ? eq(auditLog.actor, q.actor) : undefined,
      order.where,
    )).orderBy(...order.orderBy).limit(q.limit + 1);
    const result = page(rows, q.limit, (e) => ({ at: e.at, id: e.id }));
    return c.json({ items: result.items.map((e) => ({ ...e, at: e.at.toISOString() })), nextCursor: result.nextCursor });
  });
  return r;
}
