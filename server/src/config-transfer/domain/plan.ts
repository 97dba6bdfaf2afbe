/**
 * The plan of an import (pure): for each entry of the document, create, update (naming the
 * fields that change) or unchanged, matched by natural key; and every problem that would stop
 * it. An import never deletes: what the document lacks stays as it is.
 */
import { validateCalendar } from '../../domain/sla/index.ts';
import type { ConfigDocument, ConfigUser } from '../document.ts';
import { addsMembers, changedFields, changesButtons } from './diff.ts';
import { referenceProblems } from './references.ts';

/** The entity lists of a document, in the order an import writes them (references first). */
export const SECTIONS = ['calendars', 'teams', 'categories', 'sites', 'users', 'slaPolicies', 'devices', 'webhooks'] as const;
export type Section = (typeof SECTIONS)[number];

export type Action = 'create' | 'update' | 'unchanged';
export type PlanEntry = { key: string; action: Action; changes: string[] };
export type Problem = { path: string; message: string };
export type ImportPlan = {
  sections: Record<Section, PlanEntry[]>;
  summary: Record<Section, Record<Action, number>>;
  problems: Problem[];
};

export type PlanContext = {
  /** The person importing: they may not take away their own admin role. */
  importerEmail: string | null;
  /** Webhook names the installation holds more than once: they cannot be matched by name. */
  ambiguousWebhooks: readonly string[];
};

type Entry = Record<string, unknown>;
const KEY: Record<Section, string> = {
  calendars: 'name', teams: 'name', categories: 'key', sites: 'code', users: 'email', slaPolicies: 'name', devices: 'id', webhooks: 'name',
};
const ADDITIVE: Partial<Record<Section, Record<string, (a: unknown, b: unknown) => boolean>>> = {
  teams: { members: addsMembers },
  devices: { buttons: changesButtons },
};

function planSection(section: Section, incoming: Entry[], current: Entry[], problems: Problem[]): PlanEntry[] {
  const key = KEY[section];
  const byKey = new Map(current.map((e) => [String(e[key]), e]));
  const seen = new Set<string>();
  return incoming.map((entry, i) => {
    const k = String(entry[key]);
    if (seen.has(k)) problems.push({ path: `${section}[${i}].${key}`, message: `"${k}" appears more than once in ${section}` });
    seen.add(k);
    const now = byKey.get(k);
    if (!now) return { key: k, action: 'create', changes: [] };
    const changes = changedFields(entry, now, ADDITIVE[section]);
    return { key: k, action: changes.length ? 'update' : 'unchanged', changes };
  });
}

/** Users as they would be after the import: the enabled admins that remain. */
function adminProblems(incoming: ConfigDocument, current: ConfigDocument, importer: string | null): Problem[] {
  const after = new Map<string, Pick<ConfigUser, 'role' | 'disabled'>>(current.users.map((u) => [u.email, u]));
  for (const u of incoming.users) after.set(u.email, { ...after.get(u.email), ...u, disabled: u.disabled ?? after.get(u.email)?.disabled ?? false });
  const problems: Problem[] = [];
  const isAdmin = (u: Pick<ConfigUser, 'role' | 'disabled'> | undefined) => u?.role === 'admin' && !u.disabled;
  if (![...after.values()].some(isAdmin)) problems.push({ path: 'users', message: 'the import would leave no enabled admin' });
  const i = incoming.users.findIndex((u) => u.email === importer);
  if (importer && i >= 0 && isAdmin(current.users.find((u) => u.email === importer)) && !isAdmin(after.get(importer))) {
    problems.push({ path: `users[${i}]`, message: 'you cannot disable yourself or drop your own admin role by an import; ask another admin' });
  }
  return problems;
}

function userProblems(incoming: ConfigDocument, current: ConfigDocument): Problem[] {
  return incoming.users.flatMap((u, i) => {
    const site = u.site !== undefined ? u.site : current.users.find((c) => c.email === u.email)?.site;
    return u.role === 'staff' && !site ? [{ path: `users[${i}].site`, message: 'required for staff' }] : [];
  });
}

function calendarProblems(incoming: ConfigDocument): Problem[] {
  return incoming.calendars.flatMap((c, i) => validateCalendar(c).map((p) => ({ path: `calendars[${i}].${p.path}`, message: p.message })));
}

/** What importing `incoming` into an installation configured as `current` would do. */
export function planImport(incoming: ConfigDocument, current: ConfigDocument, ctx: PlanContext): ImportPlan {
  const problems: Problem[] = [];
  const sections = Object.fromEntries(SECTIONS.map((s) => [s, planSection(s, incoming[s] as Entry[], current[s] as Entry[], problems)])) as ImportPlan['sections'];
  incoming.webhooks.forEach((w, i) => {
    if (ctx.ambiguousWebhooks.includes(w.name)) {
      problems.push({ path: `webhooks[${i}].name`, message: `this installation has several webhooks named "${w.name}"; rename them so each name is unique` });
    }
  });
  problems.push(...referenceProblems(incoming, current), ...userProblems(incoming, current), ...calendarProblems(incoming),
    ...adminProblems(incoming, current, ctx.importerEmail));
  const summary = Object.fromEntries(SECTIONS.map((s) => [s, {
    create: sections[s].filter((e) => e.action === 'create').length,
    update: sections[s].filter((e) => e.action === 'update').length,
    unchanged: sections[s].filter((e) => e.action === 'unchanged').length,
  }])) as ImportPlan['summary'];
  return { sections, summary, problems };
}
