/** Compile-time proof that the server's ticket detail fits what the ticket page parses (the bundle never imports this). */
import type { loadTicketDetail } from '../../../../server/src/tickets/ticket-view.ts';
import type { TicketDetailNamed } from './ticket-detail.ts';

type Fits<Server, Client> = [Server] extends [Client] ? true : { server: Server; doesNotFit: Client };

export const TICKET_DETAIL_FITS: Fits<Awaited<ReturnType<typeof loadTicketDetail>>, TicketDetailNamed> = true;
