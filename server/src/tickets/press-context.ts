/** Loads what a press decision needs, inside the verb's transaction (always `tx`, never `db`). */
import { and, desc, eq, gt, gte, inArray, lte, ne, or, sql } from 'drizzle-orm';
import type { Tx } from '../db/client.ts';
import type { Category, Device, Site } from '../db/schema.ts';
import { categories, deviceButtons, devices, OPEN_STATUSES, presses, sites, tickets } from '../db/schema.ts';
import type { OpenTicket, ResolvedTicket } from '../domain/press-decision.ts';
import { AppError } from '../errors.ts';

export const TRIAGE_KEY = 'triage';

export async function findPress(tx: Tx, deviceId: string, pressId: string) {
  const [row] = await tx
    .select({ outcome: presses.outcome, reason: presses.reason, ticketId: presses.ticketId, number: tickets.number })
    .from(presses)
    .leftJoin(tickets, eq(tickets.id, presses.ticketId))
    .where(and(eq(presses.deviceId, deviceId), eq(presses.pressId, pressId)));
  return row;
}

export async function loadDevice(tx: Tx, deviceId: string): Promise<{ device: Device; site: Site }> {
  const [row] = await tx.select().from(devices).innerJoin(sites, eq(sites.id, devices.siteId)).where(eq(devices.id, deviceId));
  if (!row) throw new AppError('NOT_FOUND', `device ${deviceId} does not exist`);
  return { device: row.devices, site: row.sites };
}

/** The mapped category of a button, or the triage category when the button is unmapped. */
export async function loadCategory(tx: Tx, deviceId: string, button: number): Promise<{ category: Category; mapped: boolean }> {
  const [mapped] = await tx
    .select({ category: categories })
    .from(deviceButtons)
    .innerJoin(categories, eq(categories.id, deviceButtons.categoryId))
    .where(and(eq(deviceButtons.deviceId, deviceId), eq(deviceButtons.button, button)));
  if (mapped) return { category: mapped.category, mapped: true };
  const [triage] = await tx.select().from(categories).where(eq(categories.key, TRIAGE_KEY));
  if (!triage) throw new AppError('INTERNAL', 'the built-in triage category is missing');
  return { category: triage, mapped: false };
}

export async function countRecentPresses(tx: Tx, deviceId: string, since: Date): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(presses)
    .where(and(eq(presses.deviceId, deviceId), gt(presses.receivedAt, since), ne(presses.outcome, 'rejected')));
  return row?.n ?? 0;
}

/** The open ticket of (site, category), locked for this transaction, with its recent press times. */
export async function loadOpenTicket(tx: Tx, siteId: string, categoryId: string, since: Date): Promise<OpenTicket | null> {
  const [ticket] = await tx
    .select()
    .from(tickets)
    .where(and(eq(tickets.siteId, siteId), eq(tickets.categoryId, categoryId), inArray(tickets.status, [...OPEN_STATUSES])))
    .for('update');
  if (!ticket) return null;
  const recent = await tx
    .select({ pressedAt: presses.pressedAt })
    .from(presses)
    .where(and(eq(presses.ticketId, ticket.id), gt(presses.pressedAt, since), ne(presses.outcome, 'rejected')));
  return {
    id: ticket.id,
    status: ticket.status as OpenTicket['status'],
    priority: ticket.priority,
    repeatRaisedAt: ticket.repeatRaisedAt,
    recentPressTimes: recent.map((r) => r.pressedAt),
  };
}

/**
 * The resolved ticket of (site, category) this press may belong to: one it was made during
 * (a late queued press), or the latest one still in its confirm window.
 */
export async function loadLastResolved(
  tx: Tx, q: { siteId: string; categoryId: string; deviceId: string; button: number; pressedAt: Date; now: Date },
): Promise<ResolvedTicket | null> {
  const [t] = await tx.select({ id: tickets.id, openedAt: tickets.openedAt, resolvedAt: tickets.resolvedAt, confirmUntil: tickets.confirmUntil })
    .from(tickets)
    .where(and(eq(tickets.siteId, q.siteId), eq(tickets.categoryId, q.categoryId), inArray(tickets.status, ['resolved', 'closed']),
      or(and(lte(tickets.openedAt, q.pressedAt), gte(tickets.resolvedAt, q.pressedAt)), gt(tickets.confirmUntil, q.now))))
    .orderBy(desc(tickets.resolvedAt)).limit(1);
  if (!t?.resolvedAt) return null;
  const [fed] = await tx.select({ id: presses.id }).from(presses)
    .where(and(eq(presses.ticketId, t.id), eq(presses.deviceId, q.deviceId), eq(presses.button, q.button), ne(presses.outcome, 'rejected'))).limit(1);
  return { id: t.id, openedAt: t.openedAt, resolvedAt: t.resolvedAt, confirmUntil: t.confirmUntil, reportedByThisButton: !!fed };
}
