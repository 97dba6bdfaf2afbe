/**
 * notify(tx, event, now): resolves the recipients of an event and writes its notifications to
 * the outbox in the caller's transaction (design §4, §7): they exist if and only if the change
 * commits. Delivery happens later, outside any transaction (dispatcher.ts).
 *
 * E-mail and SMS rows are written whether or not SMTP_URL / SMS_URL_TEMPLATE are set: notify
 * runs inside other verbs' transactions and does not see the configuration. The dispatcher
 * marks rows of a channel that is not configured `dead` with a lastError naming the setting,
 * so the delivery log shows who was not told, and an admin can retry them once it is set.
 */
import { randomUUID } from 'node:crypto';
import type { Tx } from '../db/client.ts';
import type { Locale } from '../i18n/locales.ts';
import { notifications } from '../db/schema.ts';
import { toTicketView } from '../tickets/ticket-view.ts';
import { enabledWebhooks, type NotifyContext, loadNotifyContext } from './context.ts';
import { type NotifyEventType, webhookWants } from './domain/event-types.ts';
import { audiencesFor, goesInApp, resolveRecipients } from './domain/recipients.ts';
import { type MessageFacts, renderMessage } from './domain/templates.ts';

export type { NotifyEventType } from './domain/event-types.ts';

export type NotifyEvent = {
  type: NotifyEventType;
  ticketId?: string;
  deviceId?: string;
  /** Event-specific facts: for SLA events `{target: 'response'|'resolution', percent, dueAt}`. */
  data: Record<string, unknown>;
};

/**
 * Writes one outbox row per (channel, recipient); returns how many. `known.webhooks`: the
 * enabled webhooks, if the caller read them in this transaction (a press batch reads them once).
 */
export async function notify(tx: Tx, event: NotifyEvent, now: Date, known: { webhooks?: NotifyContext['webhooks'] | undefined } = {}): Promise<number> {
  const audiences = audiencesFor(event.type, event.data);
  let webhooks = known.webhooks;
  // Merged presses usually notify nobody: one query at most then, not a ticket load, on the press path.
  if (audiences.length === 0 && !goesInApp(event.type)) {
    webhooks ??= await enabledWebhooks(tx);
    if (!webhooks.some((w) => webhookWants(w.events, event.type))) return 0;
  }
  const ctx = await loadNotifyContext(tx, event, audiences, webhooks);
  const recipients = resolveRecipients(event.type, event.data, ctx);
  if (recipients.length === 0) return 0;
  const facts: MessageFacts = { type: event.type, occurredAt: now.toISOString(), ticket: ctx.facts, device: ctx.device, data: event.data };
  // The subject needs no link, so it is stored now, in the recipient's language, and shows in the delivery log.
  const subjects = new Map<Locale, string>();
  const subjectIn = (language: Locale) => {
    let subject = subjects.get(language);
    if (subject === undefined) subjects.set(language, (subject = renderMessage(facts, '', language).subject));
    return subject;
  };
  const id = randomUUID();
  await tx.insert(notifications).values(recipients.map((r) => ({
    channel: r.channel,
    eventType: event.type,
    recipient: r.recipient,
    webhookId: r.webhookId,
    ticketId: ctx.ticket?.id ?? null,
    subject: subjectIn(r.language),
    // Webhooks get the event as JSON with a one-line summary; people get text rendered at delivery, with the link.
    body: r.channel === 'webhook' ? webhookPayload(id, event, ctx, now, subjectIn(r.language)) : { facts, language: r.language },
    nextAttemptAt: now,
  })));
  return recipients.length;
}

/**
 * `{id, type, occurredAt, data}` (design §7); `id` is the event's, shared by every webhook it
 * goes to. `data.summary` is the notification's subject in the site's language, for chat hooks.
 */
export function webhookPayload(id: string, event: NotifyEvent, ctx: NotifyContext, now: Date, summary?: string): Record<string, unknown> {
  return {
    id,
    type: event.type,
    occurredAt: now.toISOString(),
    data: {
      ...event.data,
      ...(summary !== undefined && { summary }),
      ...(ctx.ticket && { ticket: toTicketView(ctx.ticket) }),
      ...(ctx.site && { site: ctx.site }),
      ...(ctx.category && { category: ctx.category }),
      ...(ctx.device && { device: ctx.device }),
    },
  };
}
