/**
 * Statements through drizzle on PostgreSQL run as named prepared statements (one round trip
 * each once described), and lists go as one array parameter, so their text does not grow with
 * the list. PGlite runs in process: nothing to prepare there.
 */
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anyOf, unnestOf } from '../server/src/db/list-params.ts';
import { preparing } from '../server/src/db/prepared-statements.ts';
import { createScratchDatabase, POSTGRES_URL } from './helpers/databases.ts';

describe.skipIf(!POSTGRES_URL)('prepared statements on PostgreSQL', () => {
  let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
  const clients: postgres.Sql[] = [];
  const open = (url: string, o?: Parameters<typeof preparing>[1]) => {
    const raw = postgres(url, { max: 1, onnotice: () => {} });
    clients.push(raw);
    return drizzle({ client: preparing(raw, o) });
  };
  /** The statements prepared on the (single) connection, as seen from inside a transaction on it. */
  const preparedOn = (db: ReturnType<typeof open>) =>
    db.transaction(async (tx) => (await tx.execute<{ statement: string }>(sql`select statement from pg_prepared_statements`)).map((r) => r.statement));

  beforeAll(async () => {
    scratch = await createScratchDatabase(POSTGRES_URL!);
  });
  afterAll(async () => {
    for (const c of clients) await c.end();
    await scratch.drop();
  });

  it('prepares a parameterised statement, in and out of transactions, with one text for any list length', async () => {
    const db = open(scratch.url);
    const pick = (ids: string[]) => sql`select x from (values ('a'), ('b'), ('c')) v(x) where ${anyOf(sql`x`, ids, 'text')}`;
    expect(await db.execute(pick(['a']))).toEqual([{ x: 'a' }]);
    expect(await db.execute(pick(['a', 'c']))).toEqual([{ x: 'a' }, { x: 'c' }]);
    await db.transaction((tx) => tx.execute(sql`select * from ${unnestOf([{ values: [new Date(0)], type: 'timestamptz' }, { values: [1], type: 'int' }])} as v(at, n)`));
    const statements = await preparedOn(db);
    expect(statements.filter((s) => s.includes('= any($1::text[])'))).toHaveLength(1);
    expect(statements.some((s) => s.includes('::text[]::timestamptz[]'))).toBe(true);
  });

  it('prepares nothing when the URL says prepare=false (transaction-mode poolers)', async () => {
    const url = new URL(scratch.url);
    url.searchParams.set('prepare', 'false');
    const db = open(url.toString());
    expect(await db.execute(sql`select ${1}::int as n`)).toEqual([{ n: 1 }]);
    expect(await preparedOn(db)).toEqual([]);
  });

  it('stops preparing new texts past its limit, says so once, and still answers', async () => {
    const limits: number[] = [];
    const db = open(scratch.url, { maxTexts: 2, onLimit: (n) => limits.push(n) });
    // Four texts: `select $1::int + 1`, `+ 2`, …
    for (const n of [1, 2, 3, 4]) expect(await db.execute(sql`select ${n}::int + ${sql.raw(String(n))} as n`)).toEqual([{ n: 2 * n }]);
    expect(limits).toEqual([2]);
    expect((await preparedOn(db)).filter((s) => s.startsWith('select $1::int'))).toHaveLength(2);
  });
});
