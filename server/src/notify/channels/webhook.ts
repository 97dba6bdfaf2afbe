/**
 * Webhook delivery (design §7): a POST of `{id, type, occurredAt, data}` signed with the
 * webhook's secret. 2xx is success; anything else, a redirect or a timeout is retried.
 */
import { createHmac } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { webhooks } from '../../db/schema.ts';
import { VERSION } from '../../version.ts';
import { deliverOverHttp, type Sender } from './types.ts';

export const WEBHOOK_TIMEOUT_MS = 10_000;

/** `sha256=<hex HMAC-SHA256 of the raw body>`: receivers recompute it over the bytes they got. */
export function signBody(secret: string, rawBody: string): string {
  return `sha256=${createHmac('sha256', secret).update(rawBody).digest('hex')}`;
}

export function webhookSender(db: Db, timeoutMs = WEBHOOK_TIMEOUT_MS): Sender {
  return async (row) => {
    // The current URL and secret: an admin who fixes a URL or rotates a secret fixes pending retries too.
    const [hook] = row.webhookId ? await db.select().from(webhooks).where(eq(webhooks.id, row.webhookId)) : [];
    if (!hook) return { kind: 'off', reason: 'the webhook was deleted' };
    if (!hook.enabled) return { kind: 'off', reason: 'the webhook is disabled' };
    const raw = JSON.stringify(row.body);
    return deliverOverHttp(hook.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': `Dash-Webhook/${VERSION}`,
        'x-dash-event': row.eventType,
        'x-dash-delivery': row.id,
        'x-dash-signature': signBody(hook.secret, raw),
      },
      body: raw,
    }, timeoutMs);
  };
}
