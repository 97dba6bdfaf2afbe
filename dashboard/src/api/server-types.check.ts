/**
 * Compile-time proof that what the server sends fits what the app parses: `tsc` checks this
 * file (the bundle never imports it), so a renamed or retyped field fails the typecheck here
 * instead of at runtime in a browser.
 */
import type { loadTicketDetail, TicketView } from '../../../server/src/tickets/ticket-view.ts';
import type { UserView } from '../../../server/src/people/user-view.ts';
import type { SlaMarksAnswer } from '../../../server/src/http/routes/sla-marks.ts';
import type { z } from 'zod';
import type { VirtualButtonAnswer } from '../../../server/src/http/routes/virtual-button.ts';
import type { SiteStatusAnswer } from '../../../server/src/http/routes/site-status.ts';
import type { PressPayload as ContractPress } from '../../../gateway/src/mqtt/contract.ts';
import type { PressPayload } from './client.ts';
import type { SiteStatus, SlaMarks, Ticket, TicketDetail, User, VirtualButton } from './schemas.ts';

type Fits<Server, Client> = [Server] extends [Client] ? true : { server: Server; doesNotFit: Client };

export const SERVER_SHAPES_FIT: [
  Fits<TicketView, Ticket>,
  Fits<Awaited<ReturnType<typeof loadTicketDetail>>, TicketDetail>,
  Fits<UserView, User>,
  Fits<z.infer<typeof SlaMarksAnswer>, SlaMarks>,
  Fits<z.infer<typeof VirtualButtonAnswer>, VirtualButton>,
  Fits<z.infer<typeof SiteStatusAnswer>, SiteStatus>,
  // …and the other way round for what the app sends.
  Fits<PressPayload, ContractPress>,
] = [true, true, true, true, true, true, true];
