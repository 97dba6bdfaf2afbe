/** Tickets: list and detail (routes/tickets.ts), the verbs (routes/ticket-actions.ts), SLA. */
import { STATUS_VERBS, TRANSITIONS, type StatusVerb } from '../../../domain/ticket-states.ts';
import { Assign, Comment, NewTicket, Note, Patch, Preview } from '../../routes/ticket-actions.ts';
import { TicketQuery } from '../../routes/tickets.ts';
import { pageOf, ref } from '../components.ts';
import type { Operation } from '../operation.ts';

const DESK = { roles: ['admin', 'manager', 'agent'] } as const;
const ticket = { description: 'the ticket after the change', schema: ref('Ticket') };
const BAD_TRANSITION = 'the ticket is in a status this verb does not apply to; `details.allowed` names the verbs that do';

const VERB_NOTES: Record<StatusVerb, string> = {
  acknowledge: 'Stops the response clock.',
  start: 'Work has begun; the first action on a new ticket also stops the response clock.',
  pend: 'Waiting for the store: the resolution clock stops until resume.',
  resume: 'The resolution clock runs again.',
  resolve: 'Opens the confirm window in which a press on the button reopens the ticket ("still broken").',
  close: 'Also happens by itself a configured time after resolve.',
  cancel: 'Not an incident after all; pending reminders stop.',
  reopen: 'The SLA keeps the time already spent. Refused while another ticket is open for the same site and category.',
};

function verbOperation(verb: StatusVerb): Operation {
  const { from, to } = TRANSITIONS[verb];
  return {
    method: 'post', path: `/api/tickets/{ref}/${verb}`, tag: 'Tickets', summary: `${verb[0]!.toUpperCase()}${verb.slice(1)} a ticket`,
    description: `From ${from.join(', ')} to ${to}. ${VERB_NOTES[verb]} The note, if any, goes on the timeline.`,
    access: DESK, body: Note, bodyOptional: true, responses: { 200: ticket }, errors: { CONFLICT: BAD_TRANSITION },
  };
}

export const ticketOperations: Operation[] = [
  {
    method: 'get', path: '/api/tickets', tag: 'Tickets', summary: 'List tickets', access: { roles: 'any' },
    description: 'Newest first. Staff see their own site only, whatever siteId says.',
    query: TicketQuery,
    queryNotes: { status: 'comma-separated statuses; `open` stands for new, acknowledged, in_progress and pending' },
    responses: { 200: { description: 'a page of tickets', schema: pageOf('Ticket') } },
  },
  {
    method: 'get', path: '/api/tickets/{ref}', tag: 'Tickets', summary: 'Get a ticket with its timeline and presses', access: { roles: 'any' },
    description: 'Staff get NOT_FOUND for tickets of other sites.',
    responses: { 200: { description: 'the ticket', schema: ref('TicketDetail') } },
  },
  {
    method: 'post', path: '/api/tickets', tag: 'Tickets', summary: 'Open a ticket by hand',
    description: 'Source `manual` for people, `api` for API tokens. Priority defaults to the category\'s.',
    access: DESK, body: NewTicket, responses: { 201: { description: 'the new ticket', schema: ref('Ticket') } },
    errors: { CONFLICT: 'a ticket is already open for this site and category; the message names it' },
  },
  ...STATUS_VERBS.map(verbOperation),
  {
    method: 'post', path: '/api/tickets/{ref}/assign', tag: 'Tickets', summary: 'Assign a ticket',
    description: '`{assigneeId}` names the agent (null unassigns); `{auto: true}` picks the least-loaded available agent of the category\'s team.',
    access: DESK, body: Assign, responses: { 200: ticket },
    errors: { CONFLICT: 'auto: the ticket has no team, or no available agent of it is under capacity' },
  },
  {
    method: 'post', path: '/api/tickets/{ref}/comment', tag: 'Tickets', summary: 'Comment on a ticket', access: DESK, body: Comment,
    responses: { 201: { description: 'the timeline entry', schema: ref('TimelineEvent') } },
  },
  {
    method: 'patch', path: '/api/tickets/{ref}', tag: 'Tickets', summary: 'Change priority, category or title',
    description: 'A new priority or category recomputes the due times; the time already spent is kept.',
    access: DESK, body: Patch, responses: { 200: ticket },
    errors: { CONFLICT: 'another ticket is already open for this site and the new category' },
  },
  {
    method: 'get', path: '/api/tickets/{ref}/sla', tag: 'SLA', summary: 'Explain a ticket\'s due times',
    description: 'The policy that matched, the ones skipped and why, the calendar, the pauses and the computation.',
    access: DESK, responses: { 200: { description: 'the explanation', schema: ref('SlaExplanation') } },
  },
  {
    method: 'get', path: '/api/sla/preview', tag: 'SLA', summary: 'When would a ticket opened now be due?',
    access: DESK, query: Preview, queryNotes: { priority: 'default: the category\'s default priority' },
    responses: { 200: { description: 'the due times and the reminders', schema: ref('SlaPreview') } },
    errors: { NOT_FOUND: 'the site or the category does not exist' },
  },
];
