/**
 * Loads, in the caller's transaction, what notify needs to know about an event: the ticket
 * as message facts, and the people and webhooks it may go to. notify runs inside the press
 * pipeline, so the ticket comes in one joined query and people only when the event needs them.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Tx } from '../db/client.ts';
import { type Params, statement } from '../db/statements.ts';
import { categories, devices, sites, slaPolicies, teamMembers, teams, tickets, users, webhooks } from '../db/schema.ts';
import type { Ticket } from '../db/schema.ts';
import { formatTicketNumber } from '../domain/priority.ts';
import type { Audience, Person, RecipientContext } from './domain/recipients.ts';
import type { TicketFacts } from './domain/templates.ts';

export type NotifyContext = RecipientContext & {
  ticket: Ticket | null;
  facts: TicketFacts | null;
  site: { id: string; code: string; name: string } | null;
  category: { id: string; key: string; name: string } | null;
  device: { id: string; name: string } | null;
};

const homeSites = alias(sites, 'home_site');
/** A person's language (issue 8): their own, else their home site's. Needs the `homeSites` join. */
const personLanguage = sql<string | null>`coalesce(${users.language}, ${homeSites.language})`;
const personColumns = { id: users.id, name: users.name, email: users.email, phone: users.phone, language: personLanguage };
const assignees = alias(users, 'assignee');
const assigneeSites = alias(sites, 'assignee_site');
const noEscalation = { people: [], emails: [] };

async function people(tx: Tx, ids: string[]): Promise<Person[]> {
  if (ids.length === 0) return [];
  return tx.select(personColumns).from(users).leftJoin(homeSites, eq(homeSites.id, users.siteId))
    .where(and(inArray(users.id, ids), eq(users.disabled, false)));
}

async function loadTeam(tx: Tx, teamId: string | null): Promise<RecipientContext['team']> {
  if (!teamId) return null;
  const [team] = await tx.select().from(teams).where(eq(teams.id, teamId));
  if (!team) return null;
  if (team.email) return { email: team.email, members: [] };
  const members = await tx.select(personColumns).from(teamMembers).innerJoin(users, eq(users.id, teamMembers.userId))
    .leftJoin(homeSites, eq(homeSites.id, users.siteId))
    .where(and(eq(teamMembers.teamId, teamId), eq(users.disabled, false)));
  return { email: null, members };
}

async function loadEscalation(tx: Tx, policyId: string | null): Promise<RecipientContext['escalation']> {
  if (!policyId) return noEscalation;
  const [policy] = await tx.select({ escalation: slaPolicies.escalation }).from(slaPolicies).where(eq(slaPolicies.id, policyId));
  return { people: await people(tx, policy?.escalation.userIds ?? []), emails: policy?.escalation.emails ?? [] };
}

/** Every notified ticket event reads this (a storm: one per new ticket); built once (db/statements.ts). */
const ticketWithContext = statement('notify.ticket', (db, p: Params<{ ticketId: string }>) => db.select({
    ticket: tickets, site: sites, category: categories, device: { id: devices.id, name: devices.name },
    assignee: {
      id: assignees.id, name: assignees.name, email: assignees.email, phone: assignees.phone, disabled: assignees.disabled,
      language: sql<string | null>`coalesce(${assignees.language}, ${assigneeSites.language})`,
    },
  }).from(tickets).innerJoin(sites, eq(sites.id, tickets.siteId)).innerJoin(categories, eq(categories.id, tickets.categoryId))
    .leftJoin(devices, eq(devices.id, tickets.deviceId)).leftJoin(assignees, eq(assignees.id, tickets.assigneeId))
    .leftJoin(assigneeSites, eq(assigneeSites.id, assignees.siteId))
    .where(eq(tickets.id, p.ticketId)));

async function loadTicket(tx: Tx, ticketId: string | undefined) {
  if (!ticketId) return null;
  const [row] = await ticketWithContext.run(tx, { ticketId });
  return row ?? null;
}

/** Read by every press batch (db/statements.ts: built once). */
const enabledWebhookRows = statement('notify.webhooks', (db) =>
  db.select({ id: webhooks.id, url: webhooks.url, events: webhooks.events }).from(webhooks).where(eq(webhooks.enabled, true)));

export async function enabledWebhooks(tx: Tx): Promise<RecipientContext['webhooks']> {
  return enabledWebhookRows.run(tx, {});
}

/** Only what `audiences` need is loaded: a merged press costs no people queries. */
export async function loadNotifyContext(
  tx: Tx, ref: { ticketId?: string | undefined; deviceId?: string | undefined }, audiences: readonly Audience[],
  /** The enabled webhooks, when the caller has read them in this transaction already. */
  webhooks?: RecipientContext['webhooks'],
): Promise<NotifyContext> {
  const needs = new Set(audiences);
  // Sent together: one round trip.
  const [found, webhookList] = await Promise.all([loadTicket(tx, ref.ticketId), webhooks ?? enabledWebhooks(tx)]);
  const ticket = found?.ticket ?? null;
  const [device] = found?.device ? [found.device]
    : ref.deviceId ? await tx.select({ id: devices.id, name: devices.name }).from(devices).where(eq(devices.id, ref.deviceId)) : [];
  const assignee = found?.assignee && !found.assignee.disabled ? found.assignee : null;
  const wantsTeam = needs.has('team') || (needs.has('assigneeOrTeam') && !assignee);
  return {
    ticket,
    site: found ? { id: found.site.id, code: found.site.code, name: found.site.name } : null,
    category: found ? { id: found.category.id, key: found.category.key, name: found.category.name } : null,
    device: device ?? null,
    facts: found ? ticketFacts(found.ticket, found.site, found.category, found.assignee?.name ?? null) : null,
    assignee,
    team: wantsTeam ? await loadTeam(tx, ticket?.teamId ?? found?.category.teamId ?? null) : null,
    escalation: needs.has('escalation') ? await loadEscalation(tx, ticket?.slaPolicyId ?? null) : noEscalation,
    siteContacts: needs.has('siteContacts') ? (found?.site.contacts ?? []) : [],
    siteLanguage: found?.site.language ?? null,
    webhooks: webhookList,
  };
}

function ticketFacts(
  t: Ticket, site: { name: string; timezone: string }, category: { name: string; names: Record<string, string> }, assigneeName: string | null,
): TicketFacts {
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  return {
    number: formatTicketNumber(t.number), title: t.title, status: t.status, priority: t.priority,
    siteName: site.name, timezone: site.timezone, categoryName: category.name, assigneeName,
    categoryNames: category.names,
    // A press titles its ticket `<category> — <site>` (tickets/apply-press-decision.ts) in the default language.
    defaultTitle: t.title === `${category.name} — ${site.name}`,
    openedAt: t.openedAt.toISOString(), responseDueAt: iso(t.responseDueAt), resolutionDueAt: iso(t.resolutionDueAt),
    pressCount: t.pressCount,
  };
}
