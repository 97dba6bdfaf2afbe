/** Where a report from this phone stands, from the press and its ticket (pure). */
import type { Ticket } from '../../api/schemas.ts';
import type { Report } from './phone-store.ts';

export type ReportState = 'queued' | 'failed' | 'received' | 'working' | 'resolved' | 'closed' | 'cancelled';

export function reportState(report: Report, ticket: Ticket | undefined): ReportState {
  if (report.error) return 'failed';
  if (!report.ticketNumber) return 'queued';
  switch (ticket?.status) {
    case 'acknowledged': case 'in_progress': case 'pending': return 'working';
    case 'resolved': return 'resolved';
    case 'closed': return 'closed';
    case 'cancelled': return 'cancelled';
    default: return 'received';
  }
}

/** The three steps the reporter sees: received → IT is on it → resolved. */
export const STEPS = ['received', 'working', 'resolved'] as const;

export function stepOf(state: ReportState): number {
  if (state === 'working') return 1;
  if (state === 'resolved' || state === 'closed') return 2;
  return state === 'received' ? 0 : -1;
}

/** A random id that works without a secure context (phones on plain HTTP have no randomUUID). */
export function randomId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
