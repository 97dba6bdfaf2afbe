/**
 * Who hears about an event: the people and hooks, per channel, deduplicated (design §4, §7;
 * issue 4 part 6). Loading the facts is notify/context.ts; this is the rule.
 */
import { type Locale, pickLocale } from '../../i18n/locales.ts';
import type { Channel, MessageType, NotifyEventType } from './event-types.ts';
import { webhookWants } from './event-types.ts';

/** `language`: the person's own, else their home site's (context.ts); null: neither is set. */
export type Person = { id: string; name: string; email: string; phone: string | null; language?: string | null };
export type Contact = { name?: string; email?: string; phone?: string };

export type RecipientContext = {
  assignee: Person | null;
  /** A team with its own address is mailed there; otherwise each member is. */
  team: { email: string | null; members: Person[] } | null;
  /** From the ticket's SLA policy: the service manager(s). */
  escalation: { people: Person[]; emails: string[] };
  siteContacts: Contact[];
  /** The ticket's site's language: its contacts read it, and so do bare addresses (a team's, an escalation e-mail). */
  siteLanguage?: string | null;
  webhooks: { id: string; url: string; events: string[] }[];
};

/** `language`: what the message to this recipient is written in (issue 8). */
export type Recipient = { channel: Channel; recipient: string; webhookId: string | null; language: Locale };

export type Audience = 'assignee' | 'assigneeOrTeam' | 'team' | 'escalation' | 'siteContacts';

/**
 * People per event type. Webhooks get every event they subscribe to, the in-app feed all but
 * merges. Site contacts hear the three stages the presser sees on the LED: received,
 * acknowledged, resolved.
 */
export const AUDIENCES: Record<NotifyEventType, readonly Audience[]> = {
  'ticket.created': ['assignee', 'team', 'siteContacts'],
  'ticket.merged': [],
  'ticket.updated': [],
  'ticket.acknowledged': ['siteContacts'],
  'ticket.resolved': ['siteContacts'],
  'ticket.reopened': ['assignee', 'team'],
  'sla.reminder': ['assigneeOrTeam'],
  'sla.breach': ['assigneeOrTeam', 'escalation'],
  'sla.escalation': ['escalation'],
  'device.health': ['team'],
};

/** A `ticket.updated` that gives the ticket to someone: `{assigned: userId}` (or `{change: 'assigned'}`). */
export function isAssignment(data: Record<string, unknown>): boolean {
  return typeof data.assigned === 'string' || data.change === 'assigned';
}

/** An assignment tells the new assignee; other updates only go to webhooks and the desk. */
export function audiencesFor(type: NotifyEventType, data: Record<string, unknown>): readonly Audience[] {
  if (type === 'ticket.updated' && isAssignment(data)) return ['assignee'];
  return AUDIENCES[type];
}

/** A merge is already a live board update over SSE; a press storm must not become a notification storm. */
export function goesInApp(type: NotifyEventType): boolean {
  return type !== 'ticket.merged';
}

/**
 * E-mail for everyone with an address; SMS only for people who must act now (not whole teams).
 * Language: a person's own, then their home site's; a site contact, a bare address and a
 * webhook's summary the ticket's site's; English when none is set, and for the in-app feed
 * (the whole desk reads it, each in their own app language). An address
 * reached twice keeps the language of its first mention (people come before contacts).
 */
export function resolveRecipients(type: NotifyEventType, data: Record<string, unknown>, ctx: RecipientContext): Recipient[] {
  const out = new Map<string, Recipient>();
  const siteLanguage = pickLocale([ctx.siteLanguage]);
  const add = (channel: Channel, to: string | null | undefined, webhookId: string | null = null, language: Locale = siteLanguage) => {
    const recipient = channel === 'email' ? to?.trim().toLowerCase() : to?.trim();
    if (!recipient) return;
    const key = `${channel}:${webhookId ?? recipient}`;
    if (!out.has(key)) out.set(key, { channel, recipient, webhookId, language });
  };
  const person = (p: Person | null, sms: boolean) => {
    if (!p) return;
    const language = pickLocale([p.language]);
    add('email', p.email, null, language);
    if (sms) add('sms', p.phone, null, language);
  };
  const team = () => {
    if (ctx.team?.email) add('email', ctx.team.email);
    else for (const m of ctx.team?.members ?? []) person(m, false);
  };
  for (const audience of audiencesFor(type, data)) {
    if (audience === 'assignee') person(ctx.assignee, true);
    if (audience === 'team') team();
    if (audience === 'assigneeOrTeam') {
      if (ctx.assignee) person(ctx.assignee, true);
      else team();
    }
    if (audience === 'escalation') {
      for (const p of ctx.escalation.people) person(p, true);
      for (const e of ctx.escalation.emails) add('email', e);
    }
    if (audience === 'siteContacts') {
      for (const c of ctx.siteContacts) {
        add('email', c.email);
        add('sms', c.phone);
      }
    }
  }
  for (const w of ctx.webhooks) if (webhookWants(w.events, type as MessageType)) add('webhook', w.url, w.id);
  if (goesInApp(type)) add('inapp', 'desk', null, 'en');
  return [...out.values()];
}
