/**
 * Reference problems of a configuration document: every natural key it names (a team's
 * members, a category's team, a site's calendar, …) must be in the document or already in
 * the installation.
 */
import type { ConfigDocument } from '../document.ts';
import type { Problem } from './plan.ts';

type Known = { calendars: Set<string>; teams: Set<string>; categories: Set<string>; sites: Set<string>; users: Set<string> };

function known(incoming: ConfigDocument, current: ConfigDocument): Known {
  const both = <T>(list: (d: ConfigDocument) => T[], key: (e: T) => string) => new Set([...list(incoming), ...list(current)].map(key));
  return {
    calendars: both((d) => d.calendars, (e) => e.name),
    teams: both((d) => d.teams, (e) => e.name),
    categories: both((d) => d.categories, (e) => e.key),
    sites: both((d) => d.sites, (e) => e.code),
    users: both((d) => d.users, (e) => e.email),
  };
}

const WHAT = {
  calendars: 'calendar', teams: 'team', categories: 'category key', sites: 'site code', users: 'user e-mail',
} as const;

export function referenceProblems(incoming: ConfigDocument, current: ConfigDocument): Problem[] {
  const k = known(incoming, current);
  const problems: Problem[] = [];
  const check = (kind: keyof Known, value: string | null | undefined, path: string) => {
    if (value === null || value === undefined || k[kind].has(value)) return;
    problems.push({ path, message: `unknown ${WHAT[kind]} "${value}": it is neither in this document's ${kind} nor in this installation` });
  };
  incoming.teams.forEach((t, i) => t.members?.forEach((m, j) => check('users', m, `teams[${i}].members[${j}]`)));
  incoming.categories.forEach((c, i) => check('teams', c.team, `categories[${i}].team`));
  incoming.sites.forEach((s, i) => check('calendars', s.calendar, `sites[${i}].calendar`));
  incoming.users.forEach((u, i) => check('sites', u.site, `users[${i}].site`));
  incoming.slaPolicies.forEach((p, i) => {
    check('calendars', p.calendar, `slaPolicies[${i}].calendar`);
    p.conditions?.sites?.forEach((s, j) => check('sites', s, `slaPolicies[${i}].conditions.sites[${j}]`));
    p.conditions?.categories?.forEach((c, j) => check('categories', c, `slaPolicies[${i}].conditions.categories[${j}]`));
    p.escalation?.users?.forEach((u, j) => check('users', u, `slaPolicies[${i}].escalation.users[${j}]`));
  });
  incoming.devices.forEach((d, i) => {
    check('sites', d.site, `devices[${i}].site`);
    d.buttons?.forEach((b, j) => check('categories', b.category, `devices[${i}].buttons[${j}].category`));
  });
  return problems;
}
