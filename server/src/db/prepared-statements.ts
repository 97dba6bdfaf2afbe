/**
 * One round trip per statement instead of two on PostgreSQL.
 *
 * drizzle's postgres.js driver runs every query as `client.unsafe(text, params)`, which
 * postgres.js treats as `prepare: false` whatever the client says (drizzle-orm issue #6096).
 * For a statement with parameters postgres.js must then learn their types first: it sends
 * Parse/Describe, waits for the answer, then Bind/Execute. Every statement cost two round
 * trips and two socket writes: half the press path's time went there (bench/README.md round 6).
 * A named prepared statement is described once per connection and then runs in one.
 *
 * `preparing(sql)` hands drizzle a client whose parameterised statements are prepared, unless
 * the URL says `?prepare=false` (a transaction-mode pooler that cannot keep them). Statements
 * live as long as their connection (postgres.js recycles connections after 30–60 minutes), so
 * at most MAX_TEXTS distinct texts per process are prepared: a text that varied without bound
 * would otherwise pile up in every connection. The press batches keep their texts few by
 * passing lists as array parameters (press-batch/load-batch.ts).
 */
import type postgres from 'postgres';

/** Distinct statement texts prepared per process (each connection prepares those it runs). */
export const MAX_TEXTS = 1000;
/**
 * Statements with more parameters are large multi-row inserts (a run of 128 press rows): one
 * round trip more is small beside their rows, and each kept prepared would hold server memory
 * in every connection.
 */
export const MAX_PARAMS = 1024;

type Sql = postgres.Sql | postgres.TransactionSql;
export type PreparingOptions = { maxTexts?: number; onLimit?: (maxTexts: number) => void };

export function preparing<T extends Sql>(sql: T, o: PreparingOptions = {}): T {
  if (!(sql as postgres.Sql).options?.prepare) return sql;
  const maxTexts = o.maxTexts ?? MAX_TEXTS;
  const texts = new Set<string>();
  let warned = false;
  const shouldPrepare = (text: string, params: number): boolean => {
    if (params === 0 || params > MAX_PARAMS) return false;
    if (texts.has(text)) return true;
    if (texts.size < maxTexts) {
      texts.add(text);
      return true;
    }
    if (!warned) o.onLimit?.(maxTexts);
    warned = true;
    return false;
  };
  return wrap(sql, shouldPrepare);
}

type Scoped = (fn: (inner: Sql) => unknown) => unknown;

function wrap<T extends Sql>(sql: T, shouldPrepare: (text: string, params: number) => boolean): T {
  return new Proxy(sql, {
    get(target, prop, receiver) {
      if (prop === 'unsafe') {
        return (text: string, params: unknown[] = [], options: postgres.UnsafeQueryOptions = {}) =>
          target.unsafe(text, params as postgres.ParameterOrJSON<never>[], !options.prepare && shouldPrepare(text, params.length) ? { ...options, prepare: true } : options);
      }
      // A transaction or savepoint hands its callback a client of its own: wrap that too.
      if (prop === 'begin' || prop === 'savepoint') {
        const scoped = Reflect.get(target, prop, receiver) as (...args: unknown[]) => unknown;
        return (...args: unknown[]) => {
          const fn = args.pop() as Parameters<Scoped>[0];
          return scoped.call(target, ...args, (inner: Sql) => fn(wrap(inner, shouldPrepare)));
        };
      }
      return Reflect.get(target, prop, receiver);
    },
  });
}
