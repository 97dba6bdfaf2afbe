/**
 * Scratch databases for one run: a fresh PostgreSQL database next to BENCH_DATABASE_URL, or
 * a temporary PGlite data directory. Everything created is dropped at the end (cleanupAll).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';

export type DbKind = 'postgres' | 'pglite';
/** Config entries for the SUT (DATABASE_URL or DATA_DIR) and how to reach the data from the bench. */
export type Scratch = { kind: DbKind; env: Record<string, string>; url?: string; dataDir?: string; drop(): Promise<void> };

const cleanups = new Set<() => Promise<void>>();

export async function createScratch(kind: DbKind, baseUrl: string): Promise<Scratch> {
  if (kind === 'pglite') {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'dash-bench-'));
    const drop = async () => rmSync(dataDir, { recursive: true, force: true });
    cleanups.add(drop);
    return { kind, env: { DATA_DIR: dataDir }, dataDir, drop: async () => (cleanups.delete(drop), drop()) };
  }
  const name = `dash_bench_${randomBytes(5).toString('hex')}`;
  const admin = postgres(baseUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  const drop = async () => {
    const sql = postgres(baseUrl, { max: 1, onnotice: () => {} });
    await sql.unsafe(`drop database if exists ${name} with (force)`).catch(() => {});
    await sql.end();
  };
  cleanups.add(drop);
  return { kind, env: { DATABASE_URL: url.toString() }, url: url.toString(), drop: async () => (cleanups.delete(drop), drop()) };
}

export async function cleanupAll(): Promise<void> {
  for (const drop of [...cleanups]) await drop().catch(() => {});
  cleanups.clear();
}
