/**
 * Webhook admin verbs: create (secret generated when absent, shown once), change, delete,
 * and a test delivery. The secret never appears in a listing or the audit log.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { and, asc, eq, gt, or } from 'drizzle-orm';
import { z } from 'zod';
import { audit } from '../audit/audit.ts';
import type { Db } from '../db/client.ts';
import { notifications, webhooks, type Webhook } from '../db/schema.ts';
import { AppError } from '../errors.ts';
import { decodeCursor, page } from '../http/pagination.ts';
import { patchOf } from '../http/routes/patch-of.ts';
import { NOTIFY_EVENT_TYPES, WEBHOOK_TEST } from './domain/event-types.ts';

const EVENTS = [...NOTIFY_EVENT_TYPES, '*'] as const;

export const WebhookInput = z.strictObject({
  name: z.string().trim().min(1).max(200),
  url: z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' }).max(2000),
  secret: z.string().min(16, 'must be at least 16 characters').max(200).optional(),
  events: z.array(z.enum(EVENTS, { error: `must be * or one of ${NOTIFY_EVENT_TYPES.join(', ')}` })).min(1).max(20).default(['*']),
  enabled: z.boolean().default(true),
});
export type WebhookInput = z.infer<typeof WebhookInput>;
/** Only the fields sent change (`.partial()` would put back the defaults: a rename re-enabled a webhook). */
export const WebhookPatch = patchOf(WebhookInput);

/** The shape clients see: the secret only as a hint to tell two apart. */
export function toWebhookView(w: Webhook) {
  return {
    id: w.id, name: w.name, url: w.url, events: w.events, enabled: w.enabled, secretHint: `…${w.secret.slice(-4)}`,
    createdAt: w.createdAt.toISOString(), updatedAt: w.updatedAt.toISOString(),
  };
}

const withoutSecret = (input: Partial<WebhookInput>) => ({ ...input, secret: input.secret === undefined ? undefined : '(set)' });

export async function getWebhook(db: Db, id: string): Promise<Webhook> {
  const [row] = /^[0-9a-f-]{36}$/i.test(id) ? await db.select().from(webhooks).where(eq(webhooks.id, id)) : [];
  if (!row) throw new AppError('NOT_FOUND', `webhook ${id} does not exist`);
  return row;
}

export async function listWebhooks(db: Db, q: { cursor?: string | undefined; limit: number }) {
  const cursor = decodeCursor(q.cursor);
  const rows = await db.select().from(webhooks).where(cursor
    ? or(gt(webhooks.createdAt, new Date(cursor.at)), and(eq(webhooks.createdAt, new Date(cursor.at)), gt(webhooks.id, cursor.id)))
    : undefined).orderBy(asc(webhooks.createdAt), asc(webhooks.id)).limit(q.limit + 1);
  const result = page(rows, q.limit, (w) => ({ at: w.createdAt, id: w.id }));
  return { items: result.items.map(toWebhookView), nextCursor: result.nextCursor };
}

export async function createWebhook(db: Db, input: WebhookInput, actor: string) {
  const secret = input.secret ?? `whsec_${randomBytes(24).toString('base64url')}`;
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(webhooks).values({ ...input, secret }).returning();
    await audit(tx, actor, 'create', 'webhook', row!.id, withoutSecret(input));
    return { ...toWebhookView(row!), secret };
  });
}

export async function updateWebhook(db: Db, id: string, patch: Partial<WebhookInput>, actor: string) {
  await getWebhook(db, id);
  return db.transaction(async (tx) => {
    const [row] = await tx.update(webhooks).set({ ...patch, updatedAt: new Date() }).where(eq(webhooks.id, id)).returning();
    await audit(tx, actor, 'update', 'webhook', id, withoutSecret(patch));
    return toWebhookView(row!);
  });
}

/** Its notifications go with it (ON DELETE CASCADE): pending retries stop. */
export async function deleteWebhook(db: Db, id: string, actor: string): Promise<void> {
  await getWebhook(db, id);
  await db.transaction(async (tx) => {
    await tx.delete(webhooks).where(eq(webhooks.id, id));
    await audit(tx, actor, 'delete', 'webhook', id);
  });
}

/** Queues a `webhook.test` delivery to this one webhook, subscribed or not. */
export async function enqueueWebhookTest(db: Db, id: string, actor: string, now: Date): Promise<{ notificationId: string }> {
  const hook = await getWebhook(db, id);
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(notifications).values({
      channel: 'webhook', eventType: WEBHOOK_TEST, recipient: hook.url, webhookId: hook.id, subject: 'Test notification',
      body: { id: randomUUID(), type: WEBHOOK_TEST, occurredAt: now.toISOString(), data: { webhook: { id: hook.id, name: hook.name }, requestedBy: actor } },
      nextAttemptAt: now,
    }).returning({ id: notifications.id });
    await audit(tx, actor, 'test', 'webhook', id);
    return { notificationId: row!.id };
  });
}
