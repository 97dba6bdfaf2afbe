/**
 * notify(tx, event): resolves the recipients of an event and writes its notifications to the
 * outbox in the caller's transaction (design §4, §7). Delivery happens later (dispatcher).
 * PLACEHOLDER until the notifications work lands: records nothing.
 */
import type { Tx } from '../db/client.ts';

export type NotifyEventType =
  | 'ticket.created' | 'ticket.merged' | 'ticket.updated' | 'ticket.acknowledged' | 'ticket.resolved' | 'ticket.reopened'
  | 'sla.reminder' | 'sla.breach' | 'sla.escalation' | 'device.health';

export type NotifyEvent = {
  type: NotifyEventType;
  ticketId?: string;
  deviceId?: string;
  /** Event-specific facts: for SLA events `{target: 'response'|'resolution', percent, dueAt}`. */
  data: Record<string, unknown>;
};

export async function notify(_tx: Tx, _event: NotifyEvent, _now: Date): Promise<void> {
  // Filled in by the notifications outbox (server/src/notify/).
}
