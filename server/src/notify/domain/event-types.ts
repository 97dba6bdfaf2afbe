/** The events that notify, the channels they go out on (design §7). */

/** Event types a webhook can subscribe to, one by one or with `*`. */
export const NOTIFY_EVENT_TYPES = [
  'ticket.created', 'ticket.merged', 'ticket.updated', 'ticket.acknowledged', 'ticket.resolved', 'ticket.reopened',
  'sla.reminder', 'sla.breach', 'sla.escalation', 'device.health',
] as const;
export type NotifyEventType = (typeof NOTIFY_EVENT_TYPES)[number];

/** A ping an admin sends to one webhook; no subscription needed, never fanned out. */
export const WEBHOOK_TEST = 'webhook.test' as const;
export type MessageType = NotifyEventType | typeof WEBHOOK_TEST;

export const CHANNELS = ['webhook', 'email', 'sms', 'inapp'] as const;
export type Channel = (typeof CHANNELS)[number];

export const NOTIFICATION_STATUSES = ['pending', 'sent', 'dead'] as const;
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];

/** A webhook subscribed to `events` receives `type`. */
export function webhookWants(events: readonly string[], type: MessageType): boolean {
  return events.includes('*') || events.includes(type);
}
