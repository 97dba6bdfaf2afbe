/**
 * `GET /api/config`: the installation's configuration as one document (document.ts), every
 * reference turned from a database id into a natural key. No secret leaves: no status-board
 * tokens, password hashes, device secret hashes or webhook secrets.
 */
import { asc } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';
import {
  calendars, categories, deviceButtons, devices, sites, slaPolicies, teamMembers, teams, users, webhooks,
} from '../db/schema.ts';
import { CONFIG_VERSION, type ConfigDocument, type ConfigSlaPolicy } from './document.ts';

/** id → natural key; an id whose row is gone (a stale reference in a policy) is left out. */
const keysOf = (ids: readonly string[] | undefined, names: Map<string, string>) =>
  ids && ids.map((id) => names.get(id)).filter((k): k is string => k !== undefined);

export async function exportConfig(db: DbOrTx, now: Date): Promise<ConfigDocument> {
  // One after another: inside a transaction PGlite has a single connection.
  const cals = await db.select().from(calendars).orderBy(asc(calendars.name));
  const teamRows = await db.select().from(teams).orderBy(asc(teams.name));
  const members = await db.select().from(teamMembers);
  const cats = await db.select().from(categories).orderBy(asc(categories.key));
  const siteRows = await db.select().from(sites).orderBy(asc(sites.code));
  const userRows = await db.select().from(users).orderBy(asc(users.email));
  const policies = await db.select().from(slaPolicies).orderBy(asc(slaPolicies.order), asc(slaPolicies.name));
  const deviceRows = await db.select().from(devices).orderBy(asc(devices.id));
  const buttons = await db.select().from(deviceButtons).orderBy(asc(deviceButtons.deviceId), asc(deviceButtons.button));
  const hooks = await db.select().from(webhooks).orderBy(asc(webhooks.name), asc(webhooks.createdAt));
  const calendarName = new Map(cals.map((c) => [c.id, c.name]));
  const teamName = new Map(teamRows.map((t) => [t.id, t.name]));
  const categoryKey = new Map(cats.map((c) => [c.id, c.key]));
  const siteCode = new Map(siteRows.map((s) => [s.id, s.code]));
  const userEmail = new Map(userRows.map((u) => [u.id, u.email]));
  const ref = (names: Map<string, string>, id: string | null) => (id ? names.get(id) ?? null : null);

  return {
    dash: 'config',
    version: CONFIG_VERSION,
    exportedAt: now.toISOString(),
    calendars: cals.map((c) => ({ name: c.name, timezone: c.timezone, hours: c.hours, holidays: c.holidays })),
    teams: teamRows.map((t) => ({
      name: t.name, email: t.email,
      members: members.filter((m) => m.teamId === t.id).map((m) => userEmail.get(m.userId)!).sort(),
    })),
    categories: cats.map((c) => ({
      key: c.key, name: c.name, names: c.names, defaultPriority: c.defaultPriority, team: ref(teamName, c.teamId),
      kbArticle: c.kbArticle, kbArticles: c.kbArticles,
    })),
    sites: siteRows.map((s) => ({
      code: s.code, name: s.name, timezone: s.timezone, tier: s.tier, language: (s.language as 'en' | null) ?? null,
      calendar: ref(calendarName, s.calendarId), contacts: s.contacts,
    })),
    users: userRows.map((u) => ({
      email: u.email, name: u.name, role: u.role, site: ref(siteCode, u.siteId), phone: u.phone, language: (u.language as 'en' | null) ?? null,
      capacity: u.capacity, available: u.available, disabled: u.disabled,
    })),
    slaPolicies: policies.map((p): ConfigSlaPolicy => {
      const { siteIds, categoryIds, ...conditions } = p.conditions;
      const { userIds, ...escalation } = p.escalation;
      return {
        name: p.name, order: p.order, calendar: ref(calendarName, p.calendarId), enabled: p.enabled,
        conditions: { ...conditions, ...(siteIds && { sites: keysOf(siteIds, siteCode) }), ...(categoryIds && { categories: keysOf(categoryIds, categoryKey) }) },
        targets: p.targets, reminderPercents: p.reminderPercents,
        escalation: { ...escalation, ...(userIds && { users: keysOf(userIds, userEmail) }) },
      };
    }),
    devices: deviceRows.map((d) => ({
      id: d.id, name: d.name, site: siteCode.get(d.siteId)!, kind: d.kind, buttonCount: d.buttonCount, heartbeatS: d.heartbeatS, disabled: d.disabled,
      buttons: buttons.filter((b) => b.deviceId === d.id)
        .map((b) => ({ button: b.button, category: categoryKey.get(b.categoryId)!, label: b.label, color: b.color })),
    })),
    webhooks: hooks.map((w) => ({ name: w.name, url: w.url, events: w.events as ConfigDocument['webhooks'][number]['events'], enabled: w.enabled })),
  };
}

/** Webhook names held more than once (webhooks have no unique name): an import cannot match them. */
export function duplicateWebhookNames(doc: ConfigDocument): string[] {
  const names = doc.webhooks.map((w) => w.name);
  return [...new Set(names.filter((n, i) => names.indexOf(n) !== i))];
}
