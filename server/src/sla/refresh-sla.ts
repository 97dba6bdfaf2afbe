/**
 * Recomputes a ticket's SLA (policy, due times) and replaces its SLA timers, inside the
 * caller's transaction. Called on create, priority or category change, pend, resume, reopen;
 * a closed ticket just loses its timers. Recomputing from `openedAt` keeps elapsed time.
 */
import { asc, eq } from 'drizzle-orm';
import type { Tx } from '../db/client.ts';
import type { Calendar, Site, SlaPolicy, Ticket } from '../db/schema.ts';
import { calendars, categories, sites, slaPolicies, tickets } from '../db/schema.ts';
import { CALENDAR_24X7, computeSla, matchPolicy } from '../domain/sla/index.ts';
import { isOpen } from '../domain/ticket-states.ts';
import { cancelTicketJobs, type NewJob, scheduleJobs } from '../jobs/jobs.ts';
import type { TicketDeps } from '../tickets/deps.ts';
import type { Effects } from '../tickets/effects.ts';

export const SLA_JOB_KINDS = ['sla.reminder', 'sla.breach', 'sla.escalation'];

/**
 * The policies and calendars, read once per transaction: a press batch that opens many
 * tickets (a storm) would otherwise read the same rows for each. Inside one transaction they
 * are as current as rows read per ticket would be (READ COMMITTED: each statement's own view).
 * Held as promises (a drizzle query runs again on every await; a promise runs once).
 */
export class SlaLookups {
  policies: Promise<SlaPolicy[]> | undefined;
  readonly calendars = new Map<string, Promise<Calendar | null>>();
}

/** What the caller has already read: the ticket's site, and the transaction's SlaLookups. */
export type SlaKnown = { site?: Site | undefined; lookups?: SlaLookups | undefined };

export async function refreshSla(tx: Tx, deps: TicketDeps, t: Ticket, now: Date, effects: Effects, known: SlaKnown = {}): Promise<void> {
  // Two round trips, each a pipeline on the transaction's connection: the old timers' cancel
  // with the reads, then the ticket's new SLA with its new timers. A ticket whose SLA was never
  // computed (version 0: just opened) has no timers to cancel.
  const open = isOpen(t.status);
  const [, resolved] = await Promise.all([
    t.slaVersion > 0 ? cancelTicketJobs(tx, t.id, SLA_JOB_KINDS) : undefined,
    open ? resolveSla(tx, t, now, false, known) : undefined,
  ]);
  if (!open) return;
  const { fields, timers } = slaOf(t, resolved, t.slaVersion + 1, now);
  await Promise.all([tx.update(tickets).set(fields).where(eq(tickets.id, t.id)), scheduleJobs(tx, timers, deps.onPostgres)]);
  Object.assign(t, fields);
  if (timers.length) effects.jobs = true;
}

/** What a ticket about to be opened needs for its SLA: its id is chosen before the insert. */
export type NewTicketDraft = Pick<Ticket, 'id' | 'siteId' | 'categoryId' | 'priority' | 'source' | 'openedAt'>;

/**
 * The SLA of a ticket not inserted yet: the columns for its insert and its timers, to be
 * written with it (refreshSla after the insert would cost an UPDATE more). Same result as
 * refreshSla on the new ticket: version 1, nothing paused, acknowledged or breached.
 */
export async function slaOfNewTicket(tx: Tx, draft: NewTicketDraft, now: Date, known: SlaKnown = {}) {
  const fresh = { ...draft, pauses: [], acknowledgedAt: null, responseBreached: false, resolutionBreached: false };
  return slaOf(fresh, await resolveSla(tx, fresh, now, false, known), 1, now);
}

type SlaSubject = Pick<Ticket, 'siteId' | 'categoryId' | 'priority' | 'source' | 'pauses' | 'openedAt' | 'acknowledgedAt'>;
type Resolved = Awaited<ReturnType<typeof resolveSla>>;

function slaOf(t: Pick<Ticket, 'id' | 'acknowledgedAt' | 'responseBreached' | 'resolutionBreached'>, resolved: Resolved | undefined, version: number, now: Date) {
  const fields = {
    slaPolicyId: resolved?.policy.id ?? null,
    responseDueAt: resolved?.sla.responseDueAt ?? null,
    resolutionDueAt: resolved?.sla.resolutionDueAt ?? null,
    slaVersion: version,
  };
  return { fields, timers: resolved ? slaJobs(t, resolved.sla, version, now) : [] };
}

type Computed = ReturnType<typeof computeSla>;

/** Reminders still ahead, and a breach for each clock still running (now, if already past). */
function slaJobs(t: Pick<Ticket, 'id' | 'acknowledgedAt' | 'responseBreached' | 'resolutionBreached'>, sla: Computed, version: number, now: Date): NewJob[] {
  const base = (kind: string, suffix: string, dueAt: Date, payload: Record<string, unknown>): NewJob => ({
    kind, key: `ticket:${t.id}:v${version}:${suffix}`, dueAt, ticketId: t.id, payload: { ...payload, version },
  });
  const running = { response: t.acknowledgedAt === null, resolution: sla.resolutionDueAt !== null };
  const list: NewJob[] = [];
  for (const r of sla.reminders) {
    if (running[r.target] && r.at > now) list.push(base('sla.reminder', `reminder:${r.target}:${r.percent}`, r.at, { target: r.target, percent: r.percent }));
  }
  if (running.response && sla.responseDueAt && !t.responseBreached) {
    list.push(base('sla.breach', 'breach:response', maxDate(sla.responseDueAt, now), { target: 'response' }));
  }
  if (running.resolution && sla.resolutionDueAt && !t.resolutionBreached) {
    list.push(base('sla.breach', 'breach:resolution', maxDate(sla.resolutionDueAt, now), { target: 'resolution' }));
  }
  return list;
}

const maxDate = (a: Date, b: Date) => (a > b ? a : b);

/**
 * The matching policy, its calendar and the computed due times, or null when no policy matches.
 * `explain`: also name the sites and categories in the reasons of skipped policies.
 */
export async function resolveSla(tx: Tx, t: SlaSubject, now: Date, explain = false, known: SlaKnown = {}) {
  const lookups = known.lookups ?? new SlaLookups();
  const [site, policies] = await Promise.all([
    known.site?.id === t.siteId ? known.site : tx.select().from(sites).where(eq(sites.id, t.siteId)).then((rows) => rows[0]),
    lookups.policies ??= tx.select().from(slaPolicies).orderBy(asc(slaPolicies.order), asc(slaPolicies.name)).then((rows) => rows),
  ]);
  const names = explain ? await namesById(tx) : {};
  const match = matchPolicy(policies, { siteId: t.siteId, siteTier: site?.tier ?? 'standard', categoryId: t.categoryId, priority: t.priority, source: t.source }, names);
  if (!match.policy) return null;
  const calendarId = match.policy.calendarId ?? site?.calendarId ?? null;
  let calendarRow = calendarId ? lookups.calendars.get(calendarId) : undefined;
  if (calendarId && !calendarRow) {
    calendarRow = tx.select().from(calendars).where(eq(calendars.id, calendarId)).then((rows) => rows[0] ?? null);
    lookups.calendars.set(calendarId, calendarRow);
  }
  const row = await calendarRow;
  const calendar = row ?? { ...CALENDAR_24X7(site?.timezone ?? 'UTC'), name: `24×7 (${site?.timezone ?? 'UTC'})` };
  const pauses = t.pauses.map((p) => ({ from: new Date(p.from), to: p.to ? new Date(p.to) : null }));
  const sla = computeSla({ openedAt: t.openedAt, priority: t.priority, policy: match.policy, calendar, pauses, acknowledgedAt: t.acknowledgedAt, now });
  return { policy: match.policy, skipped: match.skipped, calendar, sla };
}

async function namesById(tx: Tx): Promise<Record<string, string>> {
  const rows = [
    ...(await tx.select({ id: categories.id, name: categories.name }).from(categories)),
    ...(await tx.select({ id: sites.id, name: sites.name }).from(sites)),
  ];
  return Object.fromEntries(rows.map((r) => [r.id, r.name]));
}
