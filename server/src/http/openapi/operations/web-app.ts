/** Routes that exist for the web app's pages (dashboard/): small reads and writes the generic API lacks. */
import { FeedbackBody } from '../../routes/feedback.ts';
import { MarksQuery, SlaMarksAnswer } from '../../routes/sla-marks.ts';
import { VirtualButtonAnswer } from '../../routes/virtual-button.ts';
import type { Operation } from '../operation.ts';

export const webAppOperations: Operation[] = [
  {
    method: 'get', path: '/api/sla/marks', tag: 'SLA', summary: 'When the SLA reminders of open tickets fall',
    description: 'For each open ticket named, the reminder instants of its running clocks (business time, as the server schedules them). The board turns a ticket amber at the first one. Closed or unknown ids are left out.',
    access: { roles: ['admin', 'manager', 'agent'] }, query: MarksQuery, queryNotes: { ticketIds: 'comma-separated ticket ids, at most 200' },
    responses: { 200: { description: 'the reminders per ticket', schema: SlaMarksAnswer } },
  },
  {
    method: 'get', path: '/api/sites/{code}/virtual-button', tag: 'Sites', summary: 'What the site\'s virtual dash button shows',
    description: 'The site and its first enabled device of kind `virtual` with the categories of its buttons. An admin provisions that device like any other (`POST /api/devices` with `kind: "virtual"`); the page presses it through `POST /api/intake/presses`. Staff see only their own site.',
    access: { roles: 'any' }, params: { code: { description: 'the site code, e.g. `waw-1`', schema: { type: 'string' } } },
    responses: { 200: { description: 'the site, its virtual device (or null) and its buttons', schema: VirtualButtonAnswer } },
    errors: { NOT_FOUND: 'no such site, or not the caller\'s own site (staff)' },
  },
  {
    method: 'post', path: '/api/intake/feedback', tag: 'Intake', summary: 'Rate a resolved ticket (virtual button)',
    description: 'The reporter\'s 1–5 rating and optional comment, stored as a `feedback` event on the ticket\'s timeline (`data.rating`). Staff may rate tickets of their own site only.',
    access: { roles: 'any', personOnly: true }, body: FeedbackBody,
    responses: { 201: { description: 'the timeline event', schema: { type: 'object' } } },
    errors: { CONFLICT: 'the ticket is not resolved or closed', NOT_FOUND: 'no such ticket (or another site\'s, for staff)' },
  },
];
