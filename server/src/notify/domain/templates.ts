/**
 * The plain-text messages, one template per event type, in the recipient's language (issue 8).
 * The words are in the server catalogues (server/src/i18n/catalogues/*.json); this file only
 * picks the messages and fills them in.
 */
import { localized, type Locale } from '../../i18n/locales.ts';
import { type ServerMessageKey, type ServerTranslator, serverTranslator, type Values } from '../../i18n/messages.ts';
import type { MessageType } from './event-types.ts';
import { isAssignment } from './recipients.ts';

export type TicketFacts = {
  number: string; title: string; status: string; priority: string;
  siteName: string; timezone: string; categoryName: string; assigneeName: string | null;
  openedAt: string; responseDueAt: string | null; resolutionDueAt: string | null; pressCount: number;
  /** The category's per-language names; absent in rows written before issue 8. */
  categoryNames?: Record<string, string>;
  /** The title is still the one a press gave it (`<category> — <site>`, in the default language): messages name the category in the reader's language instead. */
  defaultTitle?: boolean;
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

const SMS_MAX = 300;

/** `Fri, 6 Mar 2026, 16:30 (Europe/Warsaw)`: the site's wall clock, with its zone named. */
export function formatTime(iso: string | null, zone: string, locale: Locale = 'en'): string {
  return iso ? serverTranslator(locale).time(iso, zone) : '—';
}

export function ticketLink(baseUrl: string, facts: MessageFacts): string {
  const base = baseUrl.replace(/\/+$/, '');
  if (facts.ticket) return `${base}/tickets/${facts.ticket.number}`;
  if (facts.device) return `${base}/devices/${encodeURIComponent(facts.device.id)}`;
  return `${base}/`;
}

/** The message pair (`notify.<name>.subject` / `.lead`) of an event. */
const NAMES: Record<MessageType, string> = {
  'ticket.created': 'created', 'ticket.merged': 'merged', 'ticket.updated': 'updated', 'ticket.acknowledged': 'acknowledged',
  'ticket.resolved': 'resolved', 'ticket.reopened': 'reopened', 'sla.reminder': 'reminder', 'sla.breach': 'breach',
  'sla.escalation': 'escalation', 'device.health': 'health', 'webhook.test': 'test',
};

function categoryOf(t: TicketFacts, locale: Locale): string {
  return localized(t.categoryName, t.categoryNames, locale);
}

/** Everything a message may name, already written in the reader's language. */
function values(f: MessageFacts, tr: ServerTranslator): Values {
  const t = f.ticket;
  const percent = typeof f.data.percent === 'number' ? tr.percent(f.data.percent / 100) : tr.t('notify.sharePart');
  const title = t ? (t.defaultTitle ? categoryOf(t, tr.locale) : t.title) : null;
  return {
    ref: t?.number ?? f.device?.id ?? 'Dash',
    what: t && title !== null ? tr.t('notify.what', { title, site: t.siteName }) : (f.device?.name ?? tr.t('notify.aDevice')),
    target: typeof f.data.target === 'string' ? f.data.target : 'sla',
    due: formatTime(typeof f.data.dueAt === 'string' ? f.data.dueAt : null, t?.timezone ?? 'UTC', tr.locale),
    percent,
    count: t?.pressCount ?? 0,
    device: f.device?.name ?? t?.number ?? 'Dash',
    cause: typeof f.data.cause === 'string' ? f.data.cause : 'other',
  };
}

function details(t: TicketFacts, tr: ServerTranslator): string[] {
  const rows: [ServerMessageKey, string][] = [
    ['notify.field.ticket', t.number],
    ['notify.field.title', t.title],
    ['notify.field.site', t.siteName],
    ['notify.field.category', categoryOf(t, tr.locale)],
    ['notify.field.priority', t.priority],
    ['notify.field.status', tr.t('notify.status', { status: t.status })],
    ['notify.field.assignee', t.assigneeName ?? tr.t('notify.nobody')],
    ['notify.field.opened', formatTime(t.openedAt, t.timezone, tr.locale)],
    ['notify.field.responseDue', formatTime(t.responseDueAt, t.timezone, tr.locale)],
    ['notify.field.resolutionDue', formatTime(t.resolutionDueAt, t.timezone, tr.locale)],
  ];
  const labels = rows.map(([key]) => `${tr.t(key)}:`);
  const width = Math.max(...labels.map((l) => l.length)) + 1;
  return rows.map(([, value], i) => `${labels[i]!.padEnd(width)}${value}`);
}

/** The subject, the e-mail/in-app text and the SMS text of one notification, in `locale`. */
export function renderMessage(f: MessageFacts, baseUrl: string, locale: Locale = 'en'): Message {
  const tr = serverTranslator(locale);
  const v = values(f, tr);
  const name = f.type === 'ticket.updated' && isAssignment(f.data) ? 'assigned' : NAMES[f.type];
  const subject = tr.t(`notify.${name}.subject` as ServerMessageKey, v);
  const lead = tr.t(`notify.${name}.lead` as ServerMessageKey, v);
  const link = ticketLink(baseUrl, f);
  const text = [lead, '', ...(f.ticket ? [...details(f.ticket, tr), ''] : []), tr.t('notify.open', { link }), ''].join('\n');
  const prefixed = `[Dash] ${subject}`;
  const short = `${prefixed}. ${link}`;
  return { subject: prefixed, text, short: short.length > SMS_MAX ? `${prefixed.slice(0, SMS_MAX - link.length - 2)}… ${link}` : short, link };
}
