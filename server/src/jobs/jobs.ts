/**
 * Timers as rows (design §4): scheduled in the transaction that causes them, so a rollback
 * schedules nothing and a commit can never lose one.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';
import { jobs } from '../db/schema.ts';

export const JOBS_CHANNEL = 'dash_jobs';

export type NewJob = {
  kind: string;
  /** Same key, same job: scheduling twice is harmless. */
  key: string;
  dueAt: Date;
  ticketId?: string | null;
  deviceId?: string | null;
  payload?: Record<string, unknown>;
};

export async function scheduleJobs(tx: DbOrTx, list: NewJob[], onPostgres: boolean): Promise<void> {
  if (list.length === 0) return;
  await Promise.all([
    tx.insert(jobs).values(list.map((j) => ({
      kind: j.kind, key: j.key, dueAt: j.dueAt, ticketId: j.ticketId ?? null, deviceId: j.deviceId ?? null, payload: j.payload ?? {},
    }))).onConflictDoNothing({ target: jobs.key }),
    // Delivered at commit: other servers re-arm their timers (LISTEN/NOTIFY on PostgreSQL).
    // Sent with the insert (one round trip), as the transaction's connection runs them in order.
    onPostgres ? tx.execute(sql`select pg_notify(${JOBS_CHANNEL}, '')`) : undefined,
  ]);
}

/** Cancels a ticket's pending jobs of the given kinds (all kinds when none given). */
export async function cancelTicketJobs(tx: DbOrTx, ticketId: string, kinds?: string[]): Promise<void> {
  await tx.update(jobs).set({ status: 'cancelled', doneAt: new Date() })
    .where(and(eq(jobs.ticketId, ticketId), eq(jobs.status, 'pending'), kinds ? inArray(jobs.kind, kinds) : undefined));
}

export async function cancelDeviceJobs(tx: DbOrTx, deviceId: string, kinds: string[]): Promise<void> {
  await tx.update(jobs).set({ status: 'cancelled', doneAt: new Date() })
    .where(and(eq(jobs.deviceId, deviceId), eq(jobs.status, 'pending'), inArray(jobs.kind, kinds)));
}
