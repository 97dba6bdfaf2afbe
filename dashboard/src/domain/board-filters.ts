/**
 * The board's filters, kept in the URL so a filtered board can be bookmarked or shared:
 * `?site=waw-1&category=printer&status=new&priority=P1&assignee=me&team=<id>`. Sites and
 * categories go by their readable code and key. Pure.
 */
import { OPEN_STATUSES, PRIORITIES, type Priority, type Ticket, type TicketStatus } from '../api/schemas.ts';

export type BoardFilters = {
  site: string | null;
  category: string | null;
  status: TicketStatus | null;
  priority: Priority | null;
  /** `me`, `none` or a user id. */
  assignee: string | null;
  team: string | null;
};

export const FILTER_KEYS = ['site', 'category', 'status', 'priority', 'assignee', 'team'] as const;
export const NO_FILTERS: BoardFilters = { site: null, category: null, status: null, priority: null, assignee: null, team: null };

const oneOf = <T extends string>(values: readonly T[], value: string | undefined): T | null =>
  (values as readonly string[]).includes(value ?? '') ? (value as T) : null;
const text = (value: string | undefined) => (value && value.length <= 100 ? value : null);

export function parseFilters(query: Record<string, string | undefined>): BoardFilters {
  return {
    site: text(query.site), category: text(query.category), status: oneOf(OPEN_STATUSES, query.status),
    priority: oneOf(PRIORITIES, query.priority), assignee: text(query.assignee), team: text(query.team),
  };
}

/** The query string for `filters` (`''` when none), keys in a fixed order. */
export function filtersToSearch(filters: BoardFilters): string {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  const search = params.toString();
  return search ? `?${search}` : '';
}

export type FilterContext = { siteIdByCode: ReadonlyMap<string, string>; categoryIdByKey: ReadonlyMap<string, string>; meId: string | null };

export function matchesFilters(t: Ticket, f: BoardFilters, ctx: FilterContext): boolean {
  if (f.site && ctx.siteIdByCode.get(f.site) !== t.siteId) return false;
  if (f.category && ctx.categoryIdByKey.get(f.category) !== t.categoryId) return false;
  if (f.status && t.status !== f.status) return false;
  if (f.priority && t.priority !== f.priority) return false;
  if (f.team && t.teamId !== f.team) return false;
  if (f.assignee === 'none') return t.assigneeId === null;
  if (f.assignee === 'me') return t.assigneeId !== null && t.assigneeId === ctx.meId;
  if (f.assignee) return t.assigneeId === f.assignee;
  return true;
}

export const hasFilters = (f: BoardFilters) => FILTER_KEYS.some((k) => f[k] !== null);
