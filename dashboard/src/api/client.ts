/**
 * The typed API client: one function per call the app makes. Hand-written over fetch rather
 * than Hono's `hc<AppType>`: the server mounts its routes one statement at a time, so AppType
 * carries no route schema and `hc` would type every answer as unknown. Here each answer is
 * parsed with the schema of the shape design §7 promises.
 */
import type { z } from 'zod/mini';
import type { StatusVerb } from '../../../server/src/domain/ticket-states.ts';
import { request } from './http.ts';
import { Any, Category, Me, pageOf, PressResults, Site, SiteStatus, SlaExplanation, SlaMarks, Team, Ticket, TicketDetail, TimelineEntry, User, VirtualButton } from './schemas.ts';

/** A press in the device contract's shape (gateway/src/mqtt/contract.ts), as the virtual button sends it. */
export type PressPayload = { v: 1; pressId: string; seq: number; button: number; action: 'single'; pressedAt: number; queued?: boolean };

const MAX_PAGES = 10;

/** Every page of a list (the board wants all open tickets, not the first hundred). */
async function all<T extends z.ZodMiniType>(path: string, item: T): Promise<z.infer<T>[]> {
  const items: z.infer<T>[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < MAX_PAGES; i++) {
    const sep = path.includes('?') ? '&' : '?';
    const page: { items: unknown[]; nextCursor: string | null } = await request('GET', `${path}${sep}limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, pageOf(item));
    items.push(...(page.items as z.infer<T>[]));
    cursor = page.nextCursor;
    if (!cursor) break;
  }
  return items;
}

const ref = (r: string) => encodeURIComponent(r);

export const api = {
  login: (email: string, password: string) => request('POST', '/api/auth/login', Me, { email, password }),
  logout: () => request('POST', '/api/auth/logout', Any, {}),
  me: () => request('GET', '/api/auth/me', Me),

  openTickets: () => all('/api/tickets?status=open', Ticket),
  ticket: (r: string) => request('GET', `/api/tickets/${ref(r)}`, TicketDetail),
  act: (r: string, verb: StatusVerb, note?: string) => request('POST', `/api/tickets/${ref(r)}/${verb}`, Ticket, note ? { note } : {}),
  assign: (r: string, to: { assigneeId: string | null } | { auto: true }) => request('POST', `/api/tickets/${ref(r)}/assign`, Ticket, to),
  comment: (r: string, text: string) => request('POST', `/api/tickets/${ref(r)}/comment`, TimelineEntry, { text }),
  slaExplanation: (r: string) => request('GET', `/api/tickets/${ref(r)}/sla`, SlaExplanation),
  slaMarks: (ticketIds: string[]) => request('GET', `/api/sla/marks?ticketIds=${ticketIds.join(',')}`, SlaMarks),

  siteStatus: (siteCode: string, token: string) =>
    request('GET', `/api/status/${encodeURIComponent(siteCode)}?t=${encodeURIComponent(token)}`, SiteStatus),
  virtualButton: (siteCode: string) => request('GET', `/api/sites/${encodeURIComponent(siteCode)}/virtual-button`, VirtualButton),
  press: (presses: { deviceId: string; press: PressPayload }[]) => request('POST', '/api/intake/presses', PressResults, { presses }),
  feedback: (ticket: string, rating: number, comment?: string) => request('POST', '/api/intake/feedback', Any, { ticket, rating, ...(comment && { comment }) }),
  ticketStatus: (r: string) => request('GET', `/api/tickets/${ref(r)}`, Ticket),

  sites: () => all('/api/sites', Site),
  categories: () => all('/api/categories', Category),
  users: () => all('/api/users', User),
  teams: () => all('/api/teams', Team),
};
