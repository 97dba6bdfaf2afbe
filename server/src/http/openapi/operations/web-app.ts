/** Routes that exist for the web app's pages (dashboard/): small reads and writes the generic API lacks. */
import type { Operation } from '../operation.ts';
import { MarksQuery, SlaMarksAnswer } from '../../routes/sla-marks.ts';

export const webAppOperations: Operation[] = [
  {
    method: 'get', path: '/api/sla/marks', tag: 'SLA', summary: 'When the SLA reminders of open tickets fall',
    description: 'For each open ticket named, the reminder instants of its running clocks (business time, as the server schedules them). The board turns a ticket amber at the first one. Closed or unknown ids are left out.',
    access: { roles: ['admin', 'manager', 'agent'] }, query: MarksQuery, queryNotes: { ticketIds: 'comma-separated ticket ids, at most 200' },
    responses: { 200: { description: 'the reminders per ticket', schema: SlaMarksAnswer } },
  },
];
