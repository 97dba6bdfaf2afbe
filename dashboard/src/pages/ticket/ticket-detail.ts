/**
 * The ticket page's own read of `GET /api/tickets/{ref}`: the shared ticket shape plus the names
 * of the devices it mentions, so agents see "Receipt printer" rather than a generated id.
 */
import { z } from 'zod/mini';
import { request } from '../../api/http.ts';
import { TicketDetail } from '../../api/schemas.ts';

export const DeviceName = z.object({ id: z.string(), name: z.string() });
export const TicketDetailNamed = z.extend(TicketDetail, { devices: z.array(DeviceName) });
export type TicketDetailNamed = z.infer<typeof TicketDetailNamed>;

export const loadTicket = (ref: string) => request('GET', `/api/tickets/${encodeURIComponent(ref)}`, TicketDetailNamed);

/** id → name of the devices a ticket mentions. */
export const deviceNames = (detail: TicketDetailNamed): ReadonlyMap<string, string> => new Map(detail.devices.map((d) => [d.id, d.name]));
