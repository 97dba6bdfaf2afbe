/**
 * What the set-based press batch (press-batch/) still reads per press, inside its transaction:
 * the resolved ticket a late or "still broken" press belongs to.
 */
import { and, desc, eq, gt, gte, inArray, lte, ne, or } from 'drizzle-orm';
import type { Tx } from '../db/client.ts';
import { presses, tickets } from '../db/schema.ts';
import type { ResolvedTicket } from '../domain/press-decision.ts';

export const TRIAGE_KEY = 'triage';

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
