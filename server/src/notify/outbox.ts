/**
 * The outbox's database side for the dispatcher: claim due rows under a lease, record each
 * attempt, and find when the next row falls due. Each is its own short transaction.
 */
import { and, asc, eq, inArray, isNull, lte, or } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { deliveryAttempts, notifications, type Notification } from '../db/schema.ts';
import type { AttemptDecision } from './domain/backoff.ts';

/** Rows we hold a lease on; `lockedUntil` is our lease, the fence for recording the outcome. */
export type ClaimedNotification = Notification & { lockedUntil: Date };

const due = (now: Date) => and(
  eq(notifications.status, 'pending'),
  lte(notifications.nextAttemptAt, now),
  or(isNull(notifications.lockedUntil), lte(notifications.lockedUntil, now)),
);

/**
 * The claim is the lock: SKIP LOCKED lets two servers claim different rows at once, and the
 * lease (`locked_until`) keeps a row claimed after this transaction commits, while it is sent.
 * A server that dies mid-send leaves a lease that expires, and the row is sent again then.
 */
export async function claimDue(db: Db, now: Date, leaseMs: number, limit: number): Promise<ClaimedNotification[]> {
  const lease = new Date(now.getTime() + leaseMs);
  return db.transaction(async (tx) => {
    const rows = await tx.select({ id: notifications.id }).from(notifications).where(due(now))
      .orderBy(asc(notifications.nextAttemptAt)).limit(limit).for('update', { skipLocked: true });
    if (rows.length === 0) return [];
    const claimed = await tx.update(notifications).set({ lockedUntil: lease })
      .where(inArray(notifications.id, rows.map((r) => r.id))).returning();
    return claimed as ClaimedNotification[];
  });
}

export type Attempt = { at: Date; ok: boolean; statusCode: number | null; error: string | null; durationMs: number };

/** The attempt goes to the delivery log; the row moves on only if our lease still holds. */
export async function recordAttempt(db: Db, row: ClaimedNotification, attempt: Attempt, next: AttemptDecision): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.insert(deliveryAttempts).values({ notificationId: row.id, ...attempt });
    await tx.update(notifications).set({
      status: next.status,
      attempts: next.attempts,
      nextAttemptAt: next.status === 'pending' ? next.nextAttemptAt : row.nextAttemptAt,
      lockedUntil: null,
      lastError: attempt.ok ? null : attempt.error,
      sentAt: next.status === 'sent' ? attempt.at : null,
    }).where(and(eq(notifications.id, row.id), eq(notifications.lockedUntil, row.lockedUntil)));
  });
}

/** A channel that is not configured: nothing was attempted, the reason is kept. */
export async function markUndeliverable(db: Db, row: ClaimedNotification, reason: string): Promise<void> {
  await db.update(notifications).set({ status: 'dead', lockedUntil: null, lastError: reason })
    .where(and(eq(notifications.id, row.id), eq(notifications.lockedUntil, row.lockedUntil)));
}

/** When the earliest unleased pending row is due (null: none). Leased rows are the poll's job. */
export async function nextDueAt(db: Db, now: Date): Promise<Date | null> {
  const [next] = await db.select({ at: notifications.nextAttemptAt }).from(notifications)
    .where(and(eq(notifications.status, 'pending'), or(isNull(notifications.lockedUntil), lte(notifications.lockedUntil, now))))
    .orderBy(asc(notifications.nextAttemptAt)).limit(1);
  return next?.at ?? null;
}
