import { audit } from '../audit/audit.ts';
import { ticketEvents } from '../db/schema.ts';
import { AppError } from '../errors.ts';
import type { Actor } from './change-status.ts';
import type { TicketDeps } from './deps.ts';
import { flushEffects, newEffects } from './effects.ts';
import { lockTicket } from './load-ticket.ts';

export type Feedback = { rating: number; comment?: string | undefined };

/**
 * The reporter's rating after a resolve (design §9: "asks for feedback after resolution"):
 * a `feedback` event on the timeline with `data.rating` (1–5) and the comment as its note.
 * Only a resolved or closed ticket can be rated; `siteId` limits staff to their own site.
 */
export async function rateTicket(deps: TicketDeps, ref: string, feedback: Feedback, actor: Actor, siteId?: string | null) {
  const effects = newEffects();
  const now = deps.now();
  const event = await deps.db.transaction(async (tx) => {
    const t = await lockTicket(tx, ref);
    if (siteId !== undefined && t.siteId !== siteId) throw new AppError('NOT_FOUND', `ticket ${ref} does not exist`);
    if (t.status !== 'resolved' && t.status !== 'closed') throw new AppError('CONFLICT', `ticket ${ref} is ${t.status}; it can be rated once it is resolved`);
    const [e] = await tx.insert(ticketEvents).values({
      ticketId: t.id, type: 'feedback', actor: actor.id, note: feedback.comment ?? null, data: { rating: feedback.rating }, at: now,
    }).returning();
    await audit(tx, actor.id, 'feedback', 'ticket', t.id, { rating: feedback.rating });
    effects.events.push({ type: 'ticket.updated', ticketId: t.id });
    return e!;
  });
  await flushEffects(deps, effects);
  return { ...event, at: event.at.toISOString() };
}
