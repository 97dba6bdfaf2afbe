/**
 * The integrations admin pages' API: webhooks and their delivery log, the retry of dead
 * letters, API tokens, and the configuration export/import. integrations.check.ts proves the
 * server's answers fit these schemas.
 */
import { z } from 'zod/mini';
import { request } from './http.ts';
import { Any, pageOf, ROLES } from './schemas.ts';

const text = z.string();
const maybe = z.nullable(z.string());

export const Webhook = z.object({
  id: text, name: text, url: text, events: z.array(text), enabled: z.boolean(), secretHint: text, createdAt: text, updatedAt: text,
});
export type Webhook = z.infer<typeof Webhook>;
export const CreatedWebhook = z.extend(Webhook, { secret: text });

export const Delivery = z.object({ at: text, ok: z.boolean(), statusCode: z.nullable(z.number()), error: maybe, durationMs: z.nullable(z.number()) });
export const Notification = z.object({
  id: text, channel: z.enum(['webhook', 'email', 'sms', 'inapp']), eventType: text, recipient: text, webhookId: maybe, ticketId: maybe,
  subject: maybe, status: z.enum(['pending', 'sent', 'dead']), attempts: z.number(), nextAttemptAt: maybe, lastError: maybe,
  sentAt: maybe, createdAt: text, deliveries: z.array(Delivery),
});
export type Notification = z.infer<typeof Notification>;
export type NotificationPage = { items: Notification[]; nextCursor: string | null };

export const ApiToken = z.object({
  id: text, name: text, role: z.enum(ROLES), scopes: z.array(text), createdBy: maybe, createdAt: text, lastUsedAt: maybe, revokedAt: maybe,
});
export type ApiToken = z.infer<typeof ApiToken>;
export const CreatedToken = z.object({ apiToken: ApiToken, token: text });

const Counts = z.object({ create: z.number(), update: z.number(), unchanged: z.number() });
const PlanEntry = z.object({ key: text, action: z.enum(['create', 'update', 'unchanged']), changes: z.array(text) });
export const ImportPlan = z.object({
  sections: z.record(text, z.array(PlanEntry)),
  summary: z.record(text, Counts),
  problems: z.array(z.object({ path: text, message: text })),
});
export type ImportPlan = z.infer<typeof ImportPlan>;
export const ImportAnswer = z.object({
  dryRun: z.boolean(),
  plan: ImportPlan,
  credentials: z.optional(z.object({
    devices: z.array(z.object({ id: text, username: text, password: text })),
    users: z.array(z.object({ email: text, temporaryPassword: text })),
    webhooks: z.array(z.object({ name: text, secret: text })),
  })),
});
export type ImportAnswer = z.infer<typeof ImportAnswer>;

export type WebhookBody = { name: string; url: string; events: string[]; enabled: boolean; secret?: string };
export type TokenBody = { name: string; role: 'admin' | 'manager' | 'agent'; scopes: string[] };

const LOG_PAGE = 20;
const q = (v: string) => encodeURIComponent(v);

export const integrations = {
  webhooks: async () => (await request('GET', '/api/webhooks?limit=500', pageOf(Webhook))).items,
  createWebhook: (body: WebhookBody) => request('POST', '/api/webhooks', CreatedWebhook, body),
  updateWebhook: (id: string, body: Partial<WebhookBody>) => request('PATCH', `/api/webhooks/${q(id)}`, Webhook, body),
  deleteWebhook: (id: string) => request('DELETE', `/api/webhooks/${q(id)}`, Any),
  testWebhook: (id: string) => request('POST', `/api/webhooks/${q(id)}/test`, z.object({ notificationId: text }), {}),
  deliveries: (webhookId: string, cursor: string | null): Promise<NotificationPage> =>
    request('GET', `/api/webhooks/${q(webhookId)}/deliveries?limit=${LOG_PAGE}${cursor ? `&cursor=${q(cursor)}` : ''}`, pageOf(Notification)),
  /** The latest notification of a channel: what the page can tell about e-mail and SMS set-up. */
  latestOf: async (channel: 'email' | 'sms') => (await request('GET', `/api/notifications?channel=${channel}&limit=1`, pageOf(Notification))).items[0] ?? null,
  retry: (notificationId: string) => request('POST', `/api/notifications/${q(notificationId)}/retry`, Notification, {}),

  tokens: async () => (await request('GET', '/api/api-tokens?limit=500', pageOf(ApiToken))).items,
  createToken: (body: TokenBody) => request('POST', '/api/api-tokens', CreatedToken, body),
  revokeToken: (id: string) => request('DELETE', `/api/api-tokens/${q(id)}`, ApiToken),

  importConfig: (doc: unknown, dryRun: boolean) => request('PUT', `/api/config?dryRun=${dryRun}`, ImportAnswer, doc),
};
