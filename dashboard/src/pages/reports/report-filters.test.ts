import { describe, expect, it } from 'vitest';
import { lastDays, NO_FILTERS, parseReportFilters, reportFiltersToSearch, toApiQuery } from './report-filters.ts';

const lookups = { siteIdByCode: new Map([['waw-1', 'site-uuid']]), categoryIdByKey: new Map([['printer', 'cat-uuid']]) };

describe('report filters in the URL', () => {
  it('reads what it knows and drops what is malformed', () => {
    expect(parseReportFilters({ from: '2026-03-01', to: 'tomorrow', site: 'waw-1', priority: 'P9', colour: 'red' }))
      .toEqual({ ...NO_FILTERS, from: '2026-03-01', site: 'waw-1' });
  });

  it('writes only the filters that are set, and reads them back the same', () => {
    const f = { ...NO_FILTERS, from: '2026-03-01', to: '2026-03-07', category: 'printer', priority: 'P1' };
    const search = reportFiltersToSearch(f);
    expect(search).toBe('?from=2026-03-01&to=2026-03-07&category=printer&priority=P1');
    expect(parseReportFilters(Object.fromEntries(new URLSearchParams(search)))).toEqual(f);
    expect(reportFiltersToSearch(NO_FILTERS)).toBe('');
  });

  it('asks the API for whole days, the end day included, with ids for codes', () => {
    expect(toApiQuery({ ...NO_FILTERS, from: '2026-03-01', to: '2026-03-07', site: 'waw-1', category: 'printer', team: 't', priority: 'P2' }, lookups))
      .toEqual({ from: '2026-03-01', to: '2026-03-08', siteId: 'site-uuid', categoryId: 'cat-uuid', teamId: 't', priority: 'P2' });
    expect(toApiQuery(NO_FILTERS, lookups)).toEqual({});
  });

  it('makes presets of whole days ending today', () => {
    expect(lastDays(7, Date.parse('2026-03-10T15:00:00Z'))).toEqual({ from: '2026-03-04', to: '2026-03-10' });
  });
});
