/**
 * List/get/create/patch/delete routes for a simple admin table (sites, categories, …):
 * admin writes, audited; staff-visible reads; database constraints mapped to CONFLICT.
 */
import { and, eq, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { Hono } from 'hono';
import type { z } from 'zod';
import { audit } from '../audit/audit.ts';
import { isStillReferenced, sqlState } from '../db/errors.ts';
import type { Role } from '../db/schema.ts';
import { AppError } from '../errors.ts';
import { actorOf, currentCaller, requireUser, type Caller } from './auth.ts';
import type { AppEnv } from './env.ts';
import { keyset } from './keyset.ts';
import { decodeCursor, page, PageQuery } from './pagination.ts';
import { parseJson, parseQuery } from './validate.ts';

type Row = { id: string; createdAt: Date } & Record<string, unknown>;
type Table = PgTable & { id: PgColumn; createdAt: PgColumn; updatedAt: PgColumn };

export type CrudSpec<C extends z.ZodObject, P extends z.ZodType> = {
  entity: string;
  table: Table;
  create: C;
  patch: P;
  /** Rules a write must meet beyond the schema, e.g. "built-in rows cannot be deleted". */
  beforeDelete?: (row: Row) => void;
  conflictMessage: string;
  inUseMessage: string;
  filter?: (q: Record<string, string>) => SQL | undefined;
  /** The rows a caller may read, e.g. staff only their own site (default: all). */
  visibleTo?: (caller: Caller) => SQL | undefined;
  /** Who may create, change and delete (default admin only). */
  writeRoles?: Role[];
  /** Checks beyond the schema on create and patch (returns problems for VALIDATION). */
  check?: (input: Record<string, unknown>) => string[];
  /** Columns never sent, e.g. secrets (default none). */
  omit?: readonly string[];
  /** Runs after a PATCH committed, with the changed row and the fields sent (e.g. re-push device config). */
  afterPatch?: (deps: AppEnv['Variables']['deps'], row: Row, input: Record<string, unknown>) => Promise<void>;
};

export function crudRoutes<C extends z.ZodObject, P extends z.ZodType>(spec: CrudSpec<C, P>) {
  const { table, entity } = spec;
  const writers = spec.writeRoles ?? ['admin'];
  const checked = <T>(input: T): T => {
    const problems = spec.check?.(input as Record<string, unknown>) ?? [];
    if (problems.length) throw new AppError('VALIDATION', `invalid body: ${problems.join('; ')}`, { fields: problems });
    return input;
  };
  const shown = (row: Row): Row => {
    if (!spec.omit?.length) return row;
    const copy = { ...row };
    for (const k of spec.omit) delete copy[k];
    return copy;
  };
  const r = new Hono<AppEnv>();
  const byId = async (db: AppEnv['Variables']['deps']['database']['db'], id: string, visible?: SQL) => {
    if (!/^[0-9a-f-]{36}$/i.test(id)) throw new AppError('NOT_FOUND', `${entity} ${id} does not exist`);
    const [row] = (await db.select().from(table as PgTable).where(and(eq(table.id, id), visible))) as Row[];
    if (!row) throw new AppError('NOT_FOUND', `${entity} ${id} does not exist`);
    return row;
  };
  const mapDbError = (err: unknown): never => {
    const state = sqlState(err);
    if (state === '23505') throw new AppError('CONFLICT', spec.conflictMessage);
    if (isStillReferenced(err)) throw new AppError('CONFLICT', spec.inUseMessage);
    throw err;
  };

  r.get('/', requireUser(), async (c) => {
    const q = parseQuery(c, PageQuery);
    const cursor = decodeCursor(q.cursor);
    const { where: after, orderBy } = keyset(table.createdAt, table.id, 'asc', cursor);
    const rows = (await c.get('deps').database.db.select().from(table as PgTable)
      .where(and(after, spec.filter?.(c.req.query()), spec.visibleTo?.(currentCaller(c))))
      .orderBy(...orderBy).limit(q.limit + 1)) as Row[];
    const answer = page(rows, q.limit, (row) => ({ at: row.createdAt, id: row.id }));
    return c.json({ ...answer, items: answer.items.map(shown) });
  });

  r.get('/:id', requireUser(), async (c) => c.json(shown(await byId(c.get('deps').database.db, c.req.param('id'), spec.visibleTo?.(currentCaller(c))))));

  r.post('/', requireUser(...writers), async (c) => {
    const input = checked(await parseJson(c, spec.create));
    const { db } = c.get('deps').database;
    const row = await db.transaction(async (tx) => {
      const [created] = (await tx.insert(table).values(input as never).returning()) as Row[];
      await audit(tx, actorOf(c), 'create', entity, created!.id, input as Record<string, unknown>);
      return created!;
    }).catch(mapDbError);
    return c.json(shown(row), 201);
  });

  r.patch('/:id', requireUser(...writers), async (c) => {
    const input = checked(await parseJson(c, spec.patch));
    const { db } = c.get('deps').database;
    await byId(db, c.req.param('id'));
    const row = await db.transaction(async (tx) => {
      const [updated] = (await tx.update(table).set({ ...(input as object), updatedAt: new Date() } as never)
        .where(eq(table.id, c.req.param('id'))).returning()) as Row[];
      await audit(tx, actorOf(c), 'update', entity, c.req.param('id'), input as Record<string, unknown>);
      return updated!;
    }).catch(mapDbError);
    await spec.afterPatch?.(c.get('deps'), row, input as Record<string, unknown>);
    return c.json(shown(row));
  });

  r.delete('/:id', requireUser(...writers), async (c) => {
    const { db } = c.get('deps').database;
    const row = await byId(db, c.req.param('id'));
    spec.beforeDelete?.(row);
    await db.transaction(async (tx) => {
      await tx.delete(table).where(eq(table.id, row.id));
      await audit(tx, actorOf(c), 'delete', entity, row.id);
    }).catch(mapDbError);
    return c.body(null, 204);
  });
  return r;
}
