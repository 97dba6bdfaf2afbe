/**
 * The databases every integration flow runs on: embedded PGlite always, PostgreSQL when
 * TEST_DATABASE_URL is set (CI sets it). Each test file gets a database of its own.
 */
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';

export type TestDatabase = { name: 'pglite' | 'postgres'; url?: string };

export const POSTGRES_URL = process.env.TEST_DATABASE_URL || undefined;

export function testDatabases(): TestDatabase[] {
  return [{ name: 'pglite' }, ...(POSTGRES_URL ? [{ name: 'postgres' as const, url: POSTGRES_URL }] : [])];
}

if (!POSTGRES_URL && !process.env.CI) {
  console.warn('TEST_DATABASE_URL is not set: integration tests run on PGlite only (CI runs both).');
}

/** A fresh, empty PostgreSQL database next to the one in `baseUrl`; `drop()` removes it. */
export async function createScratchDatabase(baseUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `dash_t_${randomBytes(6).toString('hex')}`;
  const admin = postgres(baseUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const sql = postgres(baseUrl, { max: 1, onnotice: () => {} });
      await sql.unsafe(`drop database if exists ${name} with (force)`).catch(() => {});
      await sql.end();
    },
  };
}
