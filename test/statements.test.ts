/**
 * Statements built once (server/src/db/statements.ts) run on the executor they are given: the
 * database, or the connection of the transaction they must be part of. They lean on drizzle
 * internals, so these tests are what tells a drizzle upgrade that broke them.
 */
import { gt, sql } from 'drizzle-orm';
import { integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../server/src/db/client.ts';
import { anyOf } from '../server/src/db/list-params.ts';
import { type Params, statement } from '../server/src/db/statements.ts';
import { createScratchDatabase, testDatabases } from './helpers/databases.ts';

const items = pgTable('stmt_items', { id: integer().primaryKey(), name: text().notNull(), at: timestamp({ withTimezone: true }).notNull() });
const T0 = new Date('2026-01-01T00:00:00.000Z');
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);

let builds = 0;
const named = statement('test.items-named', (db, p: Params<{ names: string[] }>) => {
  builds++;
  return db.select({ id: items.id }).from(items).where(anyOf(items.name, p.names, 'text')).orderBy(items.id);
});
const after = statement('test.items-after', (db, p: Params<{ since: Date }>) => db.select().from(items).where(gt(items.at, p.since)).orderBy(items.id));
const atTimes = statement('test.items-at', (db, p: Params<{ times: Date[] }>) => db.select({ id: items.id }).from(items).where(anyOf(items.at, p.times, 'timestamptz')).orderBy(items.id));

describe.each(testDatabases())('statements built once, on $name', (kind) => {
  const opened: Database[] = [];
  const drops: (() => Promise<void>)[] = [];
  const open = async () => {
    let url: string | undefined;
    if (kind.url) {
      const scratch = await createScratchDatabase(kind.url);
      drops.push(scratch.drop);
      url = scratch.url;
    }
    const database = await openDatabase({ databaseUrl: url, dataDir: 'memory://' });
    opened.push(database);
    await database.db.execute(sql`create table stmt_items (id int primary key, name text not null, at timestamptz not null)`);
    await database.db.insert(items).values([{ id: 1, name: 'a', at: minutes(1) }, { id: 2, name: 'b', at: minutes(2) }, { id: 3, name: 'c', at: minutes(3) }]);
    return database;
  };
  let database: Database;

  beforeAll(async () => {
    database = await open();
  }, 60_000);
  afterAll(async () => {
    for (const d of opened) await d.close();
    for (const drop of drops) await drop();
  });

  it('runs on the database with each call’s own values', async () => {
    expect(await named.run(database.db, { names: ['a', 'c'] })).toEqual([{ id: 1 }, { id: 3 }]);
    expect(await named.run(database.db, { names: ['b'] })).toEqual([{ id: 2 }]);
    expect(await named.run(database.db, { names: [] })).toEqual([]);
  });

  it('runs inside the transaction it is given: it sees the transaction’s rows, and a rollback takes them back', async () => {
    const rolledBack = new Error('roll back');
    await expect(database.db.transaction(async (tx) => {
      await tx.insert(items).values({ id: 4, name: 'd', at: minutes(4) });
      expect(await named.run(tx, { names: ['d'] })).toEqual([{ id: 4 }]);
      throw rolledBack;
    })).rejects.toBe(rolledBack);
    expect(await named.run(database.db, { names: ['d'] })).toEqual([]);
  });

  it('takes times alone and in lists, and maps result rows as drizzle does', async () => {
    const rows = await after.run(database.db, { since: minutes(1) });
    expect(rows).toEqual([{ id: 2, name: 'b', at: minutes(2) }, { id: 3, name: 'c', at: minutes(3) }]);
    expect(rows[0]!.at).toBeInstanceOf(Date);
    expect(await atTimes.run(database.db, { times: [minutes(1), minutes(3)] })).toEqual([{ id: 1 }, { id: 3 }]);
  });

  it('is built once per driver, whatever database or transaction runs it', async () => {
    const before = builds; // built for this driver by the first test
    const other = await open();
    await named.run(other.db, { names: ['a'] });
    await other.db.transaction((tx) => named.run(tx, { names: ['a'] }));
    await named.run(database.db, { names: ['a'] });
    expect(builds).toBe(before);
  }, 60_000);
});
