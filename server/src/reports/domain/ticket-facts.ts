/** What the report computations read of a ticket: loaded by reports/load-tickets.ts. */
import type { BusinessCalendar, Pause } from '../../domain/sla/index.ts';

export type ReportTicket = {
  id: string;
  status: string;
  openedAt: Date;
  acknowledgedAt: Date | null;
  resolvedAt: Date | null;
  responseDueAt: Date | null;
  resolutionDueAt: Date | null;
  responseBreached: boolean;
  resolutionBreached: boolean;
  reopenCount: number;
  /** Periods in `pending` (and between a resolve and its reopen): the resolution clock stops. */
  pauses: readonly Pause[];
  /** The calendar of the ticket's SLA policy, else its site's, else 24×7 in the site's zone (as refresh-sla.ts picks it). */
  calendar: BusinessCalendar;
  /** Handed from one assignee to another (or taken away) at least once. */
  reassigned: boolean;
};

/** `assigned` timeline events (`data: {from, to}`): reassigned when one took the ticket from someone. */
export function wasReassigned(assignments: readonly { from: string | null; to: string | null }[]): boolean {
  return assignments.some((a) => a.from !== null && a.from !== a.to);
}
