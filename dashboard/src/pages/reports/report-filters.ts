/**
 * The report's filters as the page's URL keeps them (`/reports?from=2026-03-01&to=2026-03-07&site=waw-1`)
 * and as the API wants them. Dates are whole UTC days, `to` inclusive; no dates: the last 30 days.
 * Sites and categories go by code and key in the URL (readable, shareable), by id to the API.
 */
import type { ReportApiQuery } from '../../api/reports.ts';

export type ReportFilters = { from: string | null; to: string | null; site: string | null; category: string | null; team: string | null; priority: string | null };
export const FILTER_KEYS = ['from', 'to', 'site', 'category', 'team', 'priority'] as const satisfies readonly (keyof ReportFilters)[];
export const NO_FILTERS: ReportFilters = { from: null, to: null, site: null, category: null, team: null, priority: null };

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const PRIORITY = /^P[1-4]$/;
const DAY_MS = 86_400_000;

export function parseReportFilters(query: Record<string, string | undefined>): ReportFilters {
  const day = (v: string | undefined) => (v && DAY.test(v) && !Number.isNaN(Date.parse(v)) ? v : null);
  const text = (v: string | undefined) => (v && v.length <= 200 ? v : null);
  return {
    from: day(query.from), to: day(query.to), site: text(query.site), category: text(query.category), team: text(query.team),
    priority: query.priority && PRIORITY.test(query.priority) ? query.priority : null,
  };
}

export function reportFiltersToSearch(f: ReportFilters): string {
  const params = new URLSearchParams();
  for (const k of FILTER_KEYS) if (f[k]) params.set(k, f[k]);
  const s = params.toString();
  return s ? `?${s}` : '';
}

export const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The last `days` whole days up to and including today (UTC). */
export function lastDays(days: number, nowMs: number): Pick<ReportFilters, 'from' | 'to'> {
  return { from: isoDay(nowMs - (days - 1) * DAY_MS), to: isoDay(nowMs) };
}

type Lookups = { siteIdByCode: ReadonlyMap<string, string>; categoryIdByKey: ReadonlyMap<string, string> };

/** The API query: `to` becomes the next day's midnight (exclusive); unknown codes pass as they are and the API refuses them. */
export function toApiQuery(f: ReportFilters, lookups: Lookups): ReportApiQuery {
  const q: ReportApiQuery = {};
  if (f.from) q.from = f.from;
  if (f.to) q.to = isoDay(Date.parse(f.to) + DAY_MS);
  if (f.from && !f.to) q.to = isoDay(Date.parse(f.from) + 30 * DAY_MS);
  if (f.to && !f.from) q.from = isoDay(Date.parse(f.to) - 29 * DAY_MS);
  if (f.site) q.siteId = lookups.siteIdByCode.get(f.site) ?? f.site;
  if (f.category) q.categoryId = lookups.categoryIdByKey.get(f.category) ?? f.category;
  if (f.team) q.teamId = f.team;
  if (f.priority) q.priority = f.priority;
  return q;
}
