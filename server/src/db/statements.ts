/**
 * Queries built once and run many times, on the database or inside any transaction.
 *
 * drizzle turns a query builder into SQL text on every call, and that is slow: 100–350 µs for
 * each select of the press path (all 25 columns of `tickets`: about 180 µs), 2.5 ms of the 7 ms
 * a batch of one press cost (bench/README.md, round 9). drizzle's own prepared queries build
 * once, but run only on the connection they were made on, never inside a later transaction
 * (drizzle-orm issues #613 and #2826, open).
 *
 * `statement()` builds its query once per driver, with placeholders for its inputs, and runs a
 * copy of that prepared query whose client is the executor's own: the database's pool or the
 * transaction's connection. That uses two drizzle internals: an executor's `session.client` and
 * a prepared query's `client` and `prepare` fields. `run` checks them and fails loudly if
 * drizzle renames them; test/statements.test.ts proves a statement runs inside the
 * transaction it is given, on both drivers.
 *
 * Whether the text becomes a server-side prepared statement is still decided in one place,
 * db/prepared-statements.ts (the limit on texts, `?prepare=false`).
 *
 * Order: `run` hands its query to postgres.js a few microtasks sooner than awaiting a query
 * builder does, so in a pipeline (`Promise.all`) whose order matters, use statements
 * throughout (press-batch/load-batch.ts lockPairs).
 */
import { type Placeholder, sql } from 'drizzle-orm';
import type { DbOrTx } from './client.ts';

type Prepared<R> = { execute(values?: Record<string, unknown>): Promise<R> };
type Preparable<R> = { prepare(name: string): Prepared<R> };

/**
 * A placeholder's value reaches the driver as it is, without the column's encoding. drizzle
 * sends a Date bound to a timestamp column as ISO text, and leaves postgres.js no serializer for
 * one: a raw Date fails its statement and stalls the connection. So times become ISO text here,
 * alone or in a list (list-params.ts casts a timestamptz list from text[]).
 */
function driverValues(values: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(values)) {
    out[key] = v instanceof Date ? v.toISOString() : Array.isArray(v) && v[0] instanceof Date ? v.map((d: Date) => d.toISOString()) : v;
  }
  return out;
}

/** The placeholders a statement's builder writes in place of its inputs: `p.ids`, `p.since`. */
export type Params<V> = { readonly [K in keyof V]: Placeholder<K & string, V[K]> };

export type Statement<V, R> = {
  /** Runs the query on `on` (the database, or the transaction it must be part of). */
  run(on: DbOrTx, values: V): Promise<R>;
};

/**
 * `build` gets an executor of the right driver and the placeholders; it must not close over
 * per-call values (they would be frozen into the first call's text).
 * `statement('t.by-ids', (db, p: Params<{ ids: string[] }>) => db.select().from(t).where(anyOf(t.id, p.ids, 'uuid')))`
 */
export function statement<V extends Record<string, unknown>, R>(name: string, build: (db: DbOrTx, p: Params<V>) => Preparable<R>): Statement<V, R> {
  const params = new Proxy({}, { get: (_, key) => (typeof key === 'string' ? sql.placeholder(key) : undefined) }) as Params<V>;
  // The built text and result mapping depend on the driver (postgres.js or PGlite), not on the
  // pool or transaction: one per session class.
  const built = new Map<unknown, Prepared<R>>();
  return {
    run(on, values) {
      const session = (on as unknown as { session?: { client?: unknown; constructor: unknown } }).session;
      if (!session?.client) throw new Error(`statement ${name}: the executor has no session.client (drizzle internals changed)`);
      let prepared = built.get(session.constructor);
      if (!prepared) {
        prepared = build(on, params).prepare(name);
        if (!('client' in prepared)) throw new Error(`statement ${name}: drizzle's prepared query has no client field (drizzle internals changed)`);
        built.set(session.constructor, prepared);
      }
      // `prepare: false`: drizzle would ask postgres.js to prepare every named query itself,
      // past db/prepared-statements.ts's limit and its `?prepare=false`.
      const bound = Object.create(prepared, { client: { value: session.client }, prepare: { value: false } }) as Prepared<R>;
      return bound.execute(driverValues(values));
    },
  };
}
