import { asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';
import { anyOf } from '../db/list-params.ts';
import type { Ticket } from '../db/schema.ts';
import { type Params, statement } from '../db/statements.ts';
import { devices, presses, ticketEvents, tickets } from '../db/schema.ts';
import { formatTicketNumber } from '../domain/priority.ts';
import { AppError } from '../errors.ts';
import { ticketWhere } from './load-ticket.ts';

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** The ticket shape clients rely on (design §7); times are ISO 8601 UTC. */
export function toTicketView(t: Ticket) {
  return {
    id: t.id, number: formatTicketNumber(t.number), status: t.status, priority: t.priority, source: t.source,
    siteId: t.siteId, categoryId: t.categoryId, deviceId: t.deviceId, title: t.title,
    openedAt: t.openedAt.toISOString(), lastPressAt: iso(t.lastPressAt), acknowledgedAt: iso(t.acknowledgedAt),
    resolvedAt: iso(t.resolvedAt), closedAt: iso(t.closedAt), pressCount: t.pressCount,
    assigneeId: t.assigneeId, teamId: t.teamId, responseDueAt: iso(t.responseDueAt), resolutionDueAt: iso(t.resolutionDueAt),
    responseBreached: t.responseBreached, resolutionBreached: t.resolutionBreached, snapshot: t.snapshot,
    slaPolicyId: t.slaPolicyId, pauses: t.pauses, reopenCount: t.reopenCount, confirmUntil: iso(t.confirmUntil), healthCause: t.healthCause,
    updatedAt: t.updatedAt.toISOString(),
  };
}
export type TicketView = ReturnType<typeof toTicketView>;

/** Read after every press batch (db/statements.ts: built once). */
const ticketsByIds = statement('tickets.by-ids', (db, p: Params<{ ids: string[] }>) => db.select().from(tickets).where(anyOf(tickets.id, p.ids, 'uuid')));

export async function loadTicketViews(db: DbOrTx, ids: string[]): Promise<TicketView[]> {
  if (ids.length === 0) return [];
  return (await ticketsByIds.run(db, { ids })).map(toTicketView);
}

/** A ticket with its timeline and the presses that fed it; `ref` is the id or `INC-000123`. */
export async function loadTicketDetail(db: DbOrTx, ref: string) {
  const [t] = await db.select().from(tickets).where(ticketWhere(ref));
  if (!t) throw new AppError('NOT_FOUND', `ticket ${ref} does not exist`);
  const timeline = await db.select().from(ticketEvents).where(eq(ticketEvents.ticketId, t.id)).orderBy(asc(ticketEvents.at), asc(ticketEvents.id));
  const feeding = await db.select().from(presses).where(eq(presses.ticketId, t.id)).orderBy(asc(presses.pressedAt));
  // The names behind the device ids an agent sees: the ticket's device, its presses' and its timeline's actors.
  const deviceIds = new Set([t.deviceId, ...feeding.map((p) => p.deviceId),
    ...timeline.map((e) => (e.actor.startsWith('device:') ? e.actor.slice('device:'.length) : null))]);
  deviceIds.delete(null);
  const named = deviceIds.size === 0 ? []
    : await db.select({ id: devices.id, name: devices.name }).from(devices).where(inArray(devices.id, [...deviceIds] as string[])).orderBy(asc(devices.id));
  return {
    ...toTicketView(t),
    timeline: timeline.map((e) => ({ ...e, at: e.at.toISOString() })),
    presses: feeding.map((p) => ({ ...p, pressedAt: p.pressedAt.toISOString(), receivedAt: p.receivedAt.toISOString() })),
    devices: named,
  };
}
