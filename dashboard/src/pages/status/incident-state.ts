/** What staff read about an incident on the status board: three plain states (pure). */

export type IncidentState = 'reported' | 'working' | 'fixed';

export function incidentState(status: string): IncidentState {
  switch (status) {
    case 'acknowledged': case 'in_progress': case 'pending': return 'working';
    case 'resolved': case 'closed': case 'cancelled': return 'fixed';
    default: return 'reported';
  }
}

/** How often the board asks again (the event stream needs a login). */
export const REFRESH_MS = 15_000;
