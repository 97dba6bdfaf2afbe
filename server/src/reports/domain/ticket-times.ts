/**
 * Time to acknowledge and to resolve, in minutes, on two clocks: wall time (plain elapsed
 * time) and business time (the SLA clock: only the calendar's hours count, and for resolution
 * the pauses in `pending` do not).
 */
import { businessMinutesBetween } from '../../domain/sla/index.ts';
import { type Spread, spread } from './percentiles.ts';
import type { ReportTicket } from './ticket-facts.ts';

export type ClockSpreads = { wall: Spread; business: Spread };
export type TicketTimes = { acknowledge: ClockSpreads; resolve: ClockSpreads };

const wallMinutes = (from: Date, to: Date) => Math.max(0, to.getTime() - from.getTime()) / 60_000;

/** Acknowledge: tickets acknowledged (openedAt → acknowledgedAt). Resolve: tickets with a resolvedAt (the latest resolve). */
export function ticketTimes(tickets: readonly ReportTicket[]): TicketTimes {
  const ack = { wall: [] as number[], business: [] as number[] };
  const res = { wall: [] as number[], business: [] as number[] };
  for (const t of tickets) {
    if (t.acknowledgedAt) {
      ack.wall.push(wallMinutes(t.openedAt, t.acknowledgedAt));
      // The response clock never pauses (design §4).
      ack.business.push(businessMinutesBetween(t.openedAt, t.acknowledgedAt, t.calendar));
    }
    if (t.resolvedAt) {
      res.wall.push(wallMinutes(t.openedAt, t.resolvedAt));
      res.business.push(businessMinutesBetween(t.openedAt, t.resolvedAt, t.calendar, t.pauses));
    }
  }
  return {
    acknowledge: { wall: spread(ack.wall), business: spread(ack.business) },
    resolve: { wall: spread(res.wall), business: spread(res.business) },
  };
}
