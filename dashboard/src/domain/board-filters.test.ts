import { describe, expect, it } from 'vitest';
import type { Ticket } from '../api/schemas.ts';
import { filtersToSearch, matchesFilters, NO_FILTERS, parseFilters } from './board-filters.ts';

const ticket = { siteId: 's1', categoryId: 'c1', status: 'new', priority: 'P2', assigneeId: 'u1', teamId: 'team1' } as Ticket;
const ctx = { siteIdByCode: new Map([['waw-1', 's1'], ['krk-1', 's2']]), categoryIdByKey: new Map([['printer', 'c1']]), meId: 'u1' };

describe('board filters', () => {
  it('round-trips through the URL, dropping values that are not filters', () => {
    const f = parseFilters({ site: 'waw-1', status: 'resolved', priority: 'P2', assignee: 'me', junk: 'x' });
    expect(f).toEqual({ ...NO_FILTERS, site: 'waw-1', priority: 'P2', assignee: 'me' });
    expect(filtersToSearch(f)).toBe('?site=waw-1&priority=P2&assignee=me');
    expect(filtersToSearch(NO_FILTERS)).toBe('');
  });

  it('matches a ticket on every filter set', () => {
    expect(matchesFilters(ticket, NO_FILTERS, ctx)).toBe(true);
    expect(matchesFilters(ticket, { ...NO_FILTERS, site: 'waw-1', category: 'printer', assignee: 'me', team: 'team1' }, ctx)).toBe(true);
    expect(matchesFilters(ticket, { ...NO_FILTERS, site: 'krk-1' }, ctx)).toBe(false);
    expect(matchesFilters(ticket, { ...NO_FILTERS, assignee: 'none' }, ctx)).toBe(false);
    expect(matchesFilters(ticket, { ...NO_FILTERS, priority: 'P1' }, ctx)).toBe(false);
    expect(matchesFilters(ticket, { ...NO_FILTERS, site: 'unknown-site' }, ctx)).toBe(false);
  });
});
