/**
 * Opens the database: PostgreSQL through postgres.js when a URL is given, else embedded PGlite
 * in `dataDir`, guarded by a lock file (PGlite does not lock its directory; two processes
 * on one directory corrupt it).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { AppError } from '../errors.ts';
import { acquireDirLock } from './dir-lock.ts';
import { preparing } from './prepared-statements.ts';
import * as schema from './schema.ts';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

export type Database = {
  db: Db;
  kind: 'postgres' | 'pglite';
  /** Where the data lives, for the start banner (no password). */
  describe: string;
  /** Raw client, for the migrator and LISTEN. */
  client: { kind: 'postgres'; sql: postgres.Sql; url: string } | { kind: 'pglite'; pglite: PGlite };
  close(): Promise<void>;
};

export type OpenOptions = { databaseUrl?: string | undefined; dataDir: string; poolSize?: number };

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl, opts.poolSize ?? 10);
  return openPglite(opts.dataDir);
}

function openPostgres(url: string, max: number): Database {
  const sql = postgres(url, {
    max,
    onnotice: () => {},
    connect_timeout: 10,
    // A dead connection must fail fast so a press is retried, not held (design §2 durability).
    idle_timeout: 60,
  });
  const db = drizzlePostgres({ client: preparing(sql), schema, casing: 'snake_case' }) as unknown as Db;
  const safeUrl = new URL(url);
  safeUrl.password = '';
  return {
    db,
    kind: 'postgres',
    describe: `PostgreSQL ${safeUrl.host}${safeUrl.pathname}`,
    client: { kind: 'postgres', sql, url },
    close: () => sql.end({ timeout: 5 }),
  };
}

async function openPglite(dataDir: string): Promise<Database> {
  const inMemory = dataDir.startsWith('memory://');
  let release = () => {};
  let dir = dataDir;
  if (!inMemory) {
    dir = path.resolve(dataDir, 'pglite');
    mkdirSync(dir, { recursive: true });
    release = acquireDirLock(path.resolve(dataDir));
  }
  let pglite: PGlite;
  try {
    pglite = await PGlite.create(inMemory ? undefined : dir);
  } catch (err) {
    release();
    throw new AppError('INTERNAL', `cannot open the embedded database in ${dir}: ${(err as Error).message}`);
  }
  const db = drizzlePglite({ client: pglite, schema, casing: 'snake_case' }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    describe: inMemory ? 'embedded PGlite (in memory)' : `embedded PGlite in ${dir}`,
    client: { kind: 'pglite', pglite },
    async close() {
      try {
        await pglite.close();
      } finally {
        release();
      }
    },
  };
}
