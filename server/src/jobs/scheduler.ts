/**
 * The job runner (design §4): claims due jobs with FOR UPDATE SKIP LOCKED and a lease, runs
 * each handler in its own transaction together with marking the job done, so effects
 * (notifications) happen exactly once even across restarts and several servers. One timer is
 * armed at the earliest due job; LISTEN/NOTIFY on PostgreSQL wakes the other servers.
 */
import { randomUUID } from 'node:crypto';
import { and, asc, eq, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { Database, Tx } from '../db/client.ts';
import type { Job } from '../db/schema.ts';
import { jobs } from '../db/schema.ts';
import { listenForJobs } from './listen.ts';

/** Runs in the job's transaction; may return work to do after the commit (LEDs, SSE). */
export type JobHandler = (tx: Tx, job: Job, now: Date) => Promise<void | (() => Promise<void>)>;
export type Scheduler = { wake(): void; stop(): Promise<void>; runDue(): Promise<number> };

const LEASE_MS = 60_000;
const BATCH = 50;
const MAX_ATTEMPTS = 5;
/** Even with nothing due, look again this often (a job inserted by a process that cannot notify us). */
const IDLE_POLL_MS = 30_000;

export async function startScheduler(opts: {
  database: Database; handlers: Record<string, JobHandler>; log: Logger; now?: () => Date; afterJob?: () => void;
}): Promise<Scheduler> {
  const { database, handlers, log } = opts;
  const db = database.db;
  const now = opts.now ?? (() => new Date());
  const worker = randomUUID();
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<number> | null = null;
  let again = false;
  let stopped = false;

  async function claim(): Promise<Job[]> {
    const at = now();
    return db.transaction(async (tx) => {
      const due = await tx.select({ id: jobs.id }).from(jobs)
        .where(and(eq(jobs.status, 'pending'), lte(jobs.dueAt, at), or(isNull(jobs.lockedUntil), lt(jobs.lockedUntil, at))))
        .orderBy(asc(jobs.dueAt)).limit(BATCH).for('update', { skipLocked: true });
      if (due.length === 0) return [];
      return tx.update(jobs).set({ lockedUntil: new Date(at.getTime() + LEASE_MS), lockedBy: worker })
        .where(sql`${jobs.id} in (${sql.join(due.map((d) => sql`${d.id}`), sql`, `)})`).returning();
    });
  }

  async function runOne(job: Job): Promise<void> {
    const handler = handlers[job.kind];
    try {
      const after: { run?: () => Promise<void> } = {};
      await db.transaction(async (tx) => {
        const effect = handler ? await handler(tx, job, now()) : undefined;
        if (effect) after.run = effect;
        else log.warn({ kind: job.kind, jobId: job.id }, 'no handler for job kind; marking done');
        // Only the lease holder may finish it: a job whose lease ran out may be running elsewhere.
        const done = await tx.update(jobs).set({ status: 'done', doneAt: now(), lockedUntil: null })
          .where(and(eq(jobs.id, job.id), eq(jobs.lockedBy, worker), eq(jobs.status, 'pending'))).returning({ id: jobs.id });
        if (done.length === 0) throw new Error('lease lost');
      });
      await after.run?.().catch((err: Error) => log.warn({ jobId: job.id, err: err.message }, 'after-commit effect failed'));
    } catch (err) {
      const attempts = job.attempts + 1;
      log.error({ jobId: job.id, kind: job.kind, attempts, err: (err as Error).message }, 'job failed');
      await db.update(jobs).set({
        attempts, lastError: (err as Error).message.slice(0, 500), lockedUntil: null, lockedBy: null,
        status: attempts >= MAX_ATTEMPTS ? 'failed' : 'pending',
        dueAt: new Date(now().getTime() + 2 ** attempts * 1000),
      }).where(and(eq(jobs.id, job.id), eq(jobs.lockedBy, worker))).catch(() => {});
    }
  }

  async function runDue(): Promise<number> {
    let total = 0;
    for (let batch = await claim(); batch.length > 0; batch = await claim()) {
      for (const job of batch) await runOne(job);
      total += batch.length;
      opts.afterJob?.();
    }
    return total;
  }

  async function arm(): Promise<void> {
    const [next] = await db.select({ dueAt: jobs.dueAt }).from(jobs).where(eq(jobs.status, 'pending')).orderBy(asc(jobs.dueAt)).limit(1);
    if (stopped) return;
    const delay = next ? Math.max(0, next.dueAt.getTime() - now().getTime()) : IDLE_POLL_MS;
    if (timer) clearTimeout(timer);
    timer = setTimeout(wake, Math.min(delay, IDLE_POLL_MS));
  }

  /** Runs what is due now, then re-arms; calls during a run cause one more run. */
  function wake(): void {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = runDue().catch((err: Error) => {
      log.error({ err: err.message }, 'scheduler run failed; retrying soon');
      return 0;
    });
    void running.then(async () => {
      running = null;
      if (again) {
        again = false;
        return wake();
      }
      await arm().catch((err: Error) => {
        log.warn({ err: err.message }, 'scheduler could not re-arm; polling');
        if (!stopped) timer = setTimeout(wake, 5_000);
      });
    });
  }

  const unlisten = await listenForJobs(database, wake, log);
  wake();
  return {
    wake,
    runDue,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await unlisten();
      await running;
    },
  };
}
