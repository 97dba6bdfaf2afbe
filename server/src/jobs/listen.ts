import postgres from 'postgres';
import type { Logger } from 'pino';
import type { Database } from '../db/client.ts';
import { JOBS_CHANNEL } from './jobs.ts';

/**
 * Wakes this server when another process schedules a job. PostgreSQL: LISTEN on a separate
 * connection (drizzle changes the parsers of the client it wraps). PGlite is one process, so
 * in-process wake-ups after each commit are enough.
 */
export async function listenForJobs(database: Database, wake: () => void, log: Logger): Promise<() => Promise<void>> {
  if (database.client.kind !== 'postgres') return async () => {};
  const listener = postgres(database.client.url, { max: 1, onnotice: () => {} });
  try {
    await listener.listen(JOBS_CHANNEL, () => wake(), () => wake());
  } catch (err) {
    log.warn({ err: (err as Error).message }, 'LISTEN failed; relying on the poll timer');
  }
  return () => listener.end({ timeout: 2 });
}
