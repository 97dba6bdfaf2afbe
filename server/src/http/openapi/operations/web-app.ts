/** Routes that exist for the web app's pages (dashboard/): small reads and writes the generic API lacks. */
import { FeedbackBody } from '../../routes/feedback.ts';
import { MarksQuery, SlaMarksAnswer } from '../../routes/sla-marks.ts';
import { SiteStatusAnswer, StatusLinkAnswer, StatusQuery } from '../../routes/site-status.ts';
import { SiteLanguageQuery, VirtualButtonAnswer } from '../../routes/virtual-button.ts';
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
    description: 'The site and its first enabled device of kind `virtual` with the categories of its buttons. An admin provisions that device like any other (`POST /api/devices` with `kind: "virtual"`); the page presses it through `POST /api/intake/presses`. Staff see only their own site. Category names and self-help articles are in the first known language of: `?lang=`, the `dash_lang` cookie, the caller\'s own, the site\'s, `Accept-Language`; else English (each category\'s per-language `names`/`kbArticles`, else its plain `name`/`kbArticle`).',
    access: { roles: 'any' }, params: { code: { description: 'the site code, e.g. `waw-1`', schema: { type: 'string' } } },
    query: SiteLanguageQuery,
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
  {
    method: 'post', path: '/api/sites/{id}/status-link', tag: 'Sites', summary: 'Create or replace the site\'s status board link',
    description: 'A new secret for the site\'s status board (`/status/<code>?t=<token>`, no login): 24 random bytes, base64url. The previous link stops working at once. The secret is shown only in this answer (the site routes never send it); the change is audited without it.',
    access: { roles: ['admin'] }, params: { id: { description: 'the site id', schema: { type: 'string', format: 'uuid' } } },
    responses: { 201: { description: 'the board\'s path with its secret', schema: StatusLinkAnswer } },
    errors: { NOT_FOUND: 'no such site' },
  },
  {
    method: 'get', path: '/api/status/{code}', tag: 'Sites', summary: 'A site\'s status board (no login)',
    description: 'What IT knows about the site: its open tickets and those resolved in the last 24 hours, with category, state, priority and times only (no names, comments, titles or devices). Needs the secret of the link made by `POST /api/sites/{id}/status-link` instead of a login. Category names are in the first known language of: `?lang=`, the `dash_lang` cookie, the site\'s, `Accept-Language`; else English.',
    access: { public: true }, params: { code: { description: 'the site code, e.g. `waw-1`', schema: { type: 'string' } } },
    query: StatusQuery,
    responses: { 200: { description: 'the site and its incidents', schema: SiteStatusAnswer } },
    errors: { NOT_FOUND: 'no such site, no link made yet, or a wrong or missing secret (one answer for all)' },
  },
];
