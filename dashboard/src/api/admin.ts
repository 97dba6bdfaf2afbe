/**
 * The admin pages' API: the http/crud.ts families (sites, categories, calendars, SLA policies,
 * teams), users, a site's status board link, team members and the SLA preview. Each answer is
 * checked by its schema; admin.check.ts proves the server's rows fit them.
 */
import { z } from 'zod/mini';
import { request } from './http.ts';
import { Any, pageOf, PRIORITIES, ROLES } from './schemas.ts';

const text = z.string();
const maybe = z.nullable(z.string());
const byLanguage = z.record(z.string(), z.string());

export const AdminSite = z.object({
  id: text, code: text, name: text, timezone: text, tier: text, language: maybe, calendarId: maybe,
  contacts: z.array(z.object({ name: z.optional(text), email: z.optional(text), phone: z.optional(text) })),
});
export type AdminSite = z.infer<typeof AdminSite>;

export const AdminCategory = z.object({
  id: text, key: text, name: text, defaultPriority: z.enum(PRIORITIES), teamId: maybe, kbArticle: maybe, builtIn: z.boolean(),
  names: byLanguage, kbArticles: byLanguage,
});
export type AdminCategory = z.infer<typeof AdminCategory>;

export const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Day = (typeof DAYS)[number];
const Range = z.object({ start: text, end: text });
export type TimeRange = z.infer<typeof Range>;
const Holiday = z.object({ date: text, name: text, start: z.optional(text), end: z.optional(text) });
export type Holiday = z.infer<typeof Holiday>;

export const Calendar = z.object({
  id: text, name: text, timezone: text, hours: z.record(z.enum(DAYS), z.array(Range)), holidays: z.array(Holiday),
});
export type Calendar = z.infer<typeof Calendar>;

const Target = z.object({ responseMinutes: z.number(), resolutionMinutes: z.number() });
export const SOURCES = ['button', 'virtual', 'device_health', 'manual', 'api'] as const;
export const SlaPolicy = z.object({
  id: text, name: text, order: z.number(), calendarId: maybe, enabled: z.boolean(),
  conditions: z.object({
    tiers: z.optional(z.array(text)), siteIds: z.optional(z.array(text)), categoryIds: z.optional(z.array(text)),
    priorities: z.optional(z.array(z.enum(PRIORITIES))), sources: z.optional(z.array(text)),
  }),
  targets: z.record(z.enum(PRIORITIES), Target),
  reminderPercents: z.array(z.number()),
  escalation: z.object({ userIds: z.optional(z.array(text)), emails: z.optional(z.array(text)), repeatMinutes: z.optional(z.number()) }),
});
export type SlaPolicy = z.infer<typeof SlaPolicy>;

export const AdminUser = z.object({
  id: text, email: text, name: text, role: z.enum(ROLES), siteId: maybe, phone: maybe, language: z.optional(maybe),
  capacity: z.number(), available: z.boolean(), disabled: z.boolean(),
});
export type AdminUser = z.infer<typeof AdminUser>;

export const AdminTeam = z.object({ id: text, name: text, email: maybe });
export type AdminTeam = z.infer<typeof AdminTeam>;

export const SlaPreview = z.object({
  openedAt: text, priority: text, policy: z.nullable(z.object({ id: text, name: text })),
  calendar: z.optional(z.object({ name: text, timezone: text })),
  responseDueAt: maybe, resolutionDueAt: maybe,
});
export type SlaPreview = z.infer<typeof SlaPreview>;

export type PreviewProbe = { siteId: string; categoryId: string; priority: string };

const StatusLink = z.object({ url: text });
const Members = z.object({ items: z.array(AdminUser) });

/** Every page of a list: admin tables are short, but a cursor is followed all the same. */
async function every<T extends z.ZodMiniType>(base: string, item: T): Promise<z.infer<T>[]> {
  const items: z.infer<T>[] = [];
  let cursor: string | null = null;
  do {
    const page: { items: unknown[]; nextCursor: string | null } = await request('GET', `${base}?limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, pageOf(item));
    items.push(...(page.items as z.infer<T>[]));
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

export type Entity<T> = {
  list(): Promise<T[]>;
  create(body: object): Promise<T>;
  update(id: string, body: object): Promise<T>;
  remove(id: string): Promise<unknown>;
};

function entity<T extends z.ZodMiniType>(base: string, item: T): Entity<z.infer<T>> {
  const one = (id: string) => `${base}/${encodeURIComponent(id)}`;
  return {
    list: () => every(base, item),
    create: (body) => request('POST', base, item, body),
    update: (id, body) => request('PATCH', one(id), item, body),
    remove: (id) => request('DELETE', one(id), Any),
  };
}

export const admin = {
  sites: entity('/api/sites', AdminSite),
  categories: entity('/api/categories', AdminCategory),
  calendars: entity('/api/calendars', Calendar),
  slaPolicies: entity('/api/sla-policies', SlaPolicy),
  users: entity('/api/users', AdminUser),
  teams: entity('/api/teams', AdminTeam),
  /** Makes or replaces the site's status board link; the secret is in this answer only. */
  makeStatusLink: (siteId: string) => request('POST', `/api/sites/${encodeURIComponent(siteId)}/status-link`, StatusLink, {}),
  removeStatusLink: (siteId: string) => request('DELETE', `/api/sites/${encodeURIComponent(siteId)}/status-link`, Any),
  members: (teamId: string) => request('GET', `/api/teams/${encodeURIComponent(teamId)}/members`, Members),
  setMembers: (teamId: string, userIds: string[]) => request('PUT', `/api/teams/${encodeURIComponent(teamId)}/members`, Members, { userIds }),
  slaPreview: (q: PreviewProbe) => request('GET', `/api/sla/preview?${new URLSearchParams(q).toString()}`, SlaPreview),
  /** The same, as if `policy` were saved (replacing policy `id`, if given); nothing is saved. */
  slaDraftPreview: (q: PreviewProbe, draft: { id?: string | undefined; policy: object }) =>
    request('POST', '/api/sla-policies/preview', SlaPreview, { ...q, ...(draft.id && { id: draft.id }), policy: draft.policy }),
};
