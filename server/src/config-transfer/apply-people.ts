/**
 * Writes the first half of a planned import inside its transaction: calendars, teams,
 * categories, sites, users and team members, upserted by natural key. Nothing is deleted.
 */
import { eq } from 'drizzle-orm';
import { deleteUserSessions } from '../auth/sessions.ts';
import type { Tx } from '../db/client.ts';
import { calendars, categories, sites, teamMembers, teams, users } from '../db/schema.ts';
import type { ConfigDocument } from './document.ts';
import type { ImportPlan, PlanEntry, Section } from './domain/plan.ts';

/** Natural key → id of every row of a table, read inside the transaction. */
export type Ids = Map<string, string>;
export type NewSecrets = { users: Map<string, { password: string; hash: string }>; devices: Map<string, { password: string; hash: string }>; webhooks: Map<string, string> };

/** The entry's fields that are present, renamed and converted by `columns`. */
export function present<T extends Record<string, unknown>>(entry: T, columns: { [K in keyof T]?: (v: NonNullable<T[K]> | null) => [string, unknown] }) {
  const out: Record<string, unknown> = {};
  for (const [k, to] of Object.entries(columns)) {
    if (entry[k] !== undefined && to) {
      const [column, value] = (to as (v: unknown) => [string, unknown])(entry[k]);
      out[column] = value;
    }
  }
  return out;
}
const same = (column: string) => (v: unknown): [string, unknown] => [column, v];
export const idOf = (ids: Ids, what: string) => (key: string | null): string | null => {
  if (key === null) return null;
  const id = ids.get(key);
  if (!id) throw new Error(`${what} ${key} vanished during the import`); // the plan checked every reference
  return id;
};

export const actionOf = (plan: ImportPlan, section: Section) => {
  const byKey = new Map(plan.sections[section].map((e) => [e.key, e]));
  return (key: string): PlanEntry['action'] => byKey.get(key)?.action ?? 'unchanged';
};

async function keyed<T extends { id: string }>(rows: Promise<T[]>, key: (r: T) => string): Promise<Ids> {
  return new Map((await rows).map((r) => [key(r), r.id]));
}

export async function applyPeople(tx: Tx, doc: ConfigDocument, plan: ImportPlan, secrets: NewSecrets) {
  const updatedAt = new Date();
  let act = actionOf(plan, 'calendars');
  for (const c of doc.calendars) {
    if (act(c.name) === 'create') await tx.insert(calendars).values(c);
    if (act(c.name) === 'update') await tx.update(calendars).set({ ...c, updatedAt }).where(eq(calendars.name, c.name));
  }
  const calendarIds = await keyed(tx.select({ id: calendars.id, name: calendars.name }).from(calendars), (r) => r.name);

  act = actionOf(plan, 'teams');
  for (const t of doc.teams) {
    const fields = present(t, { email: same('email') });
    if (act(t.name) === 'create') await tx.insert(teams).values({ name: t.name, ...fields });
    if (act(t.name) === 'update' && Object.keys(fields).length) await tx.update(teams).set({ ...fields, updatedAt }).where(eq(teams.name, t.name));
  }
  const teamIds = await keyed(tx.select({ id: teams.id, name: teams.name }).from(teams), (r) => r.name);

  act = actionOf(plan, 'categories');
  for (const c of doc.categories) {
    const fields = present(c, {
      name: same('name'), names: same('names'), defaultPriority: same('defaultPriority'), kbArticle: same('kbArticle'), kbArticles: same('kbArticles'),
      team: (v) => ['teamId', idOf(teamIds, 'team')(v)],
    });
    if (act(c.key) === 'create') await tx.insert(categories).values({ key: c.key, name: c.name, ...fields });
    if (act(c.key) === 'update') await tx.update(categories).set({ ...fields, updatedAt }).where(eq(categories.key, c.key));
  }
  const categoryIds = await keyed(tx.select({ id: categories.id, key: categories.key }).from(categories), (r) => r.key);

  act = actionOf(plan, 'sites');
  for (const s of doc.sites) {
    const fields = present(s, {
      name: same('name'), timezone: same('timezone'), tier: same('tier'), language: same('language'), contacts: same('contacts'),
      calendar: (v) => ['calendarId', idOf(calendarIds, 'calendar')(v)],
    });
    if (act(s.code) === 'create') await tx.insert(sites).values({ code: s.code, name: s.name, ...fields });
    if (act(s.code) === 'update') await tx.update(sites).set({ ...fields, updatedAt }).where(eq(sites.code, s.code));
  }
  const siteIds = await keyed(tx.select({ id: sites.id, code: sites.code }).from(sites), (r) => r.code);

  act = actionOf(plan, 'users');
  for (const u of doc.users) {
    const fields = present(u, {
      name: same('name'), role: same('role'), phone: same('phone'), language: same('language'), capacity: same('capacity'),
      available: same('available'), disabled: same('disabled'), site: (v) => ['siteId', idOf(siteIds, 'site')(v)],
    });
    if (act(u.email) === 'create') {
      await tx.insert(users).values({ email: u.email, name: u.name, role: u.role, passwordHash: secrets.users.get(u.email)!.hash, ...fields });
    }
    if (act(u.email) === 'update') {
      const [row] = await tx.update(users).set({ ...fields, updatedAt }).where(eq(users.email, u.email)).returning({ id: users.id, disabled: users.disabled });
      if (row?.disabled) await deleteUserSessions(tx, row.id);
    }
  }
  const userIds = await keyed(tx.select({ id: users.id, email: users.email }).from(users), (r) => r.email);

  // Members are added, never removed: someone in a team the document does not list stays in it.
  const rows = doc.teams.flatMap((t) => (t.members ?? []).map((e) => ({ teamId: teamIds.get(t.name)!, userId: idOf(userIds, 'user')(e)! })));
  if (rows.length) await tx.insert(teamMembers).values(rows).onConflictDoNothing();
  return { calendarIds, teamIds, categoryIds, siteIds, userIds };
}

