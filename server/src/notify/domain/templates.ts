/**
 * The plain-text messages, one template per event type. Every user-facing string of the
 * notifications lives in this file, so translating them later touches one place.
 */
import { DateTime } from 'luxon';
import type { MessageType } from './event-types.ts';
import { isAssignment } from './recipients.ts';

export type TicketFacts = {
  number: string; title: string; status: string; priority: string;
  siteName: string; timezone: string; categoryName: string; assigneeName: string | null;
  openedAt: string; responseDueAt: string | null; resolutionDueAt: string | null; pressCount: number;
};

/** What a message is rendered from; stored with the notification, rendered at delivery. */
export type MessageFacts = {
  type: MessageType;
  occurredAt: string;
  ticket: TicketFacts | null;
  device: { id: string; name: string } | null;
  data: Record<string, unknown>;
};

export type Message = { subject: string; text: string; short: string; link: string };

const TARGETS: Record<string, string> = { response: 'first response', resolution: 'resolution' };
const SMS_MAX = 300;

/** `Fri 6 Mar 2026, 16:30 (Europe/Warsaw)`: the site's wall clock, with its zone named. */
export function formatTime(iso: string | null, zone: string): string {
  if (!iso) return '—';
  const t = DateTime.fromISO(iso, { zone });
  return t.isValid ? `${t.setLocale('en-GB').toFormat('ccc d LLL yyyy, HH:mm')} (${zone})` : iso;
}

export function ticketLink(baseUrl: string, facts: MessageFacts): string {
  const base = baseUrl.replace(/\/+$/, '');
  if (facts.ticket) return `${base}/tickets/${facts.ticket.number}`;
  if (facts.device) return `${base}/devices/${encodeURIComponent(facts.device.id)}`;
  return `${base}/`;
}

type Parts = { ref: string; what: string; target: string; due: string; percent: string };
type Template = (p: Parts, f: MessageFacts) => { subject: string; lead: string };

const TEMPLATES: Record<MessageType, Template> = {
  'ticket.created': (p) => ({ subject: `${p.ref} received: ${p.what}`, lead: `A new incident was reported: ${p.what}.` }),
  'ticket.merged': (p, f) => ({
    subject: `${p.ref} reported again (${f.ticket?.pressCount ?? '?'} presses)`,
    lead: `${p.what} was reported again; the press was added to ${p.ref}.`,
  }),
  'ticket.updated': (p, f) => (isAssignment(f.data)
    ? { subject: `${p.ref} assigned to you`, lead: `${p.ref} (${p.what}) is now yours.` }
    : { subject: `${p.ref} updated`, lead: `${p.ref} (${p.what}) was updated.` }),
  'ticket.acknowledged': (p) => ({ subject: `${p.ref} picked up by the IT desk`, lead: `The IT desk has picked up the report: ${p.what}.` }),
  'ticket.resolved': (p) => ({
    subject: `${p.ref} resolved`,
    lead: `${p.what} is resolved. If it still does not work, press the button again.`,
  }),
  'ticket.reopened': (p) => ({ subject: `${p.ref} reopened`, lead: `${p.ref} (${p.what}) was reported as still broken and is open again.` }),
  'sla.reminder': (p) => ({
    subject: `${p.ref}: ${p.percent} of the ${p.target} time used`,
    lead: `${p.ref} (${p.what}) has used ${p.percent} of its ${p.target} time; it is due ${p.due}.`,
  }),
  'sla.breach': (p) => ({
    subject: `${p.ref} missed its ${p.target} target`,
    lead: `${p.ref} (${p.what}) was due for ${p.target} ${p.due} and is overdue.`,
  }),
  'sla.escalation': (p) => ({
    subject: `Escalation: ${p.ref} is past its ${p.target} target`,
    lead: `${p.ref} (${p.what}) was due for ${p.target} ${p.due} and is still not acknowledged. `
      + 'You receive this as an escalation contact of its SLA policy.',
  }),
  'device.health': (p, f) => ({
    subject: `Device ${f.device?.name ?? p.ref}: ${String(f.data.cause ?? 'needs attention').replace(/_/g, ' ')}`,
    lead: `The device ${f.device?.name ?? p.ref} needs attention${typeof f.data.message === 'string' ? `: ${f.data.message}` : '.'}`,
  }),
  'webhook.test': () => ({ subject: 'Test notification', lead: 'This is a test delivery from Dash. If you can read it, the channel works.' }),
};

function parts(f: MessageFacts): Parts {
  const t = f.ticket;
  const percent = typeof f.data.percent === 'number' ? `${f.data.percent} %` : 'part';
  return {
    ref: t?.number ?? f.device?.id ?? 'Dash',
    what: t ? `${t.title} at ${t.siteName}` : (f.device?.name ?? 'a device'),
    target: TARGETS[String(f.data.target)] ?? 'SLA',
    due: `at ${formatTime(typeof f.data.dueAt === 'string' ? f.data.dueAt : null, t?.timezone ?? 'UTC')}`,
    percent,
  };
}

function details(t: TicketFacts): string[] {
  return [
    `Ticket:         ${t.number}`,
    `Title:          ${t.title}`,
    `Site:           ${t.siteName}`,
    `Category:       ${t.categoryName}`,
    `Priority:       ${t.priority}`,
    `Status:         ${t.status.replace(/_/g, ' ')}`,
    `Assignee:       ${t.assigneeName ?? 'nobody yet'}`,
    `Opened:         ${formatTime(t.openedAt, t.timezone)}`,
    `Response due:   ${formatTime(t.responseDueAt, t.timezone)}`,
    `Resolution due: ${formatTime(t.resolutionDueAt, t.timezone)}`,
  ];
}

/** The subject, the e-mail/in-app text and the SMS text of one notification. */
export function renderMessage(f: MessageFacts, baseUrl: string): Message {
  const { subject, lead } = TEMPLATES[f.type](parts(f), f);
  const link = ticketLink(baseUrl, f);
  const text = [lead, '', ...(f.ticket ? [...details(f.ticket), ''] : []), `Open in Dash: ${link}`, ''].join('\n');
  const prefixed = `[Dash] ${subject}`;
  const short = `${prefixed}. ${link}`;
  return { subject: prefixed, text, short: short.length > SMS_MAX ? `${prefixed.slice(0, SMS_MAX - link.length - 2)}… ${link}` : short, link };
}
