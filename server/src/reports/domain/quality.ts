/**
 * First-contact resolution, reopen rate and satisfaction.
 *
 * - First-contact resolution: of the tickets resolved (status resolved or closed), the share
 *   that were never reopened (`reopenCount` 0, so no "still broken") and never reassigned
 *   (no `assigned` event taking the ticket from someone).
 * - Reopen rate: of the tickets resolved at least once (a resolvedAt, or reopened), the share
 *   reopened at least once.
 * - Satisfaction: the 1–5 ratings of `feedback` events; a ticket rated twice counts with its
 *   latest rating.
 */
import { percentOf } from './percentiles.ts';
import type { ReportTicket } from './ticket-facts.ts';

export type Quality = {
  resolved: number; firstContact: number; firstContactPercent: number | null;
  everResolved: number; reopened: number; reopenPercent: number | null;
};
export type Rating = { ticketId: string; rating: number; at: Date };
export type Satisfaction = { count: number; average: number | null; distribution: Record<'1' | '2' | '3' | '4' | '5', number> };

const DONE = new Set(['resolved', 'closed']);

export function quality(tickets: readonly ReportTicket[]): Quality {
  const resolved = tickets.filter((t) => DONE.has(t.status));
  const firstContact = resolved.filter((t) => t.reopenCount === 0 && !t.reassigned).length;
  const ever = tickets.filter((t) => t.resolvedAt !== null || t.reopenCount > 0);
  const reopened = ever.filter((t) => t.reopenCount > 0).length;
  return {
    resolved: resolved.length, firstContact, firstContactPercent: percentOf(firstContact, resolved.length),
    everResolved: ever.length, reopened, reopenPercent: percentOf(reopened, ever.length),
  };
}

export function satisfaction(ratings: readonly Rating[]): Satisfaction {
  const latest = new Map<string, Rating>();
  for (const r of ratings) {
    const seen = latest.get(r.ticketId);
    if (!seen || r.at.getTime() >= seen.at.getTime()) latest.set(r.ticketId, r);
  }
  const distribution = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 };
  let sum = 0;
  for (const { rating } of latest.values()) {
    const key = Math.min(5, Math.max(1, Math.round(rating))) as 1 | 2 | 3 | 4 | 5;
    distribution[key] += 1;
    sum += key;
  }
  const count = latest.size;
  return { count, average: count ? Math.round((sum / count) * 100) / 100 : null, distribution };
}
