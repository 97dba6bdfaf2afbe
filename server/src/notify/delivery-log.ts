/**
 * The visible delivery log: notifications with every attempt, newest first, and the retry of
 * a dead letter.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import { audit } from '../audit/audit.ts';
import type { Db } from '../db/client.ts';
import { deliveryAttempts, notifications, type Notification } from '../db/schema.ts';
import { AppError } from '../errors.ts';
import { keyset } from '../http/keyset.ts';
import { decodeCursor, page } from '../http/pagination.ts';
import type { Channel, NotificationStatus } from './domain/event-types.ts';

export type DeliveryLogQuery = {
  status?: NotificationStatus | undefined; ticketId?: string | undefined; webhookId?: string | undefined; channel?: Channel | undefined;
  cursor?: string | undefined; limit: number;
};

const iso = (d: Date | null) => d?.toISOString() ?? null;

async function withAttempts(db: Db, rows: Notification[]) {
  const ids = rows.map((r) => r.id);
  const attempts = ids.length
    ? await db.select().from(deliveryAttempts).where(inArray(deliveryAttempts.notificationId, ids)).orderBy(asc(deliveryAttempts.at), asc(deliveryAttempts.id))
    : [];
  return rows.map((n) => ({
    id: n.id, channel: n.channel, eventType: n.eventType, recipient: n.recipient, webhookId: n.webhookId, ticketId: n.ticketId,
    subject: n.subject, body: n.body, status: n.status, attempts: n.attempts, nextAttemptAt: iso(n.nextAttemptAt),
    lastError: n.lastError, sentAt: iso(n.sentAt), createdAt: n.createdAt.toISOString(),
    deliveries: attempts.filter((a) => a.notificationId === n.id)
      .map((a) => ({ at: a.at.toISOString(), ok: a.ok, statusCode: a.statusCode, error: a.error, durationMs: a.durationMs })),
  }));
}
export type NotificationView = Awaited<ReturnType<typeof withAttempts>>[number];

export async function listNotifications(db: Db, q: DeliveryLogQuery) {
  const newest = keyset(notifications.createdAt, notifications.id, 'desc', decodeCursor(q.cursor));
  const rows = await db.select().from(notifications).where(and(
    q.status ? eq(notifications.status, q.status) : undefined,
    q.ticketId ? eq(notifications.ticketId, q.ticketId) : undefined,
    q.webhookId ? eq(notifications.webhookId, q.webhookId) : undefined,
    q.channel ? eq(notifications.channel, q.channel) : undefined,
    newest.where,
  )).orderBy(...newest.orderBy).limit(q.limit + 1);
  const result = page(rows, q.limit, (n) => ({ at: n.createdAt, id: n.id }));
  return { items: await withAttempts(db, result.items), nextCursor: result.nextCursor };
}

export async function getNotification(db: Db, id: string): Promise<NotificationView> {
  const [row] = /^[0-9a-f-]{36}$/i.test(id) ? await db.select().from(notifications).where(eq(notifications.id, id)) : [];
  if (!row) throw new AppError('NOT_FOUND', `notification ${id} does not exist`);
  return (await withAttempts(db, [row]))[0]!;
}

/** A dead letter goes back to pending with a fresh budget of attempts; its log is kept. */
export async function retryNotification(db: Db, id: string, actor: string, now: Date): Promise<NotificationView> {
  const current = await getNotification(db, id);
  await db.transaction(async (tx) => {
    const [row] = await tx.update(notifications).set({ status: 'pending', attempts: 0, nextAttemptAt: now, lockedUntil: null })
      .where(and(eq(notifications.id, id), eq(notifications.status, 'dead'))).returning({ id: notifications.id });
    if (!row) throw new AppError('CONFLICT', `notification ${id} is ${current.status}; only dead notifications can be retried`);
    await audit(tx, actor, 'retry', 'notification', id);
  });
  return getNotification(db, id);
}
