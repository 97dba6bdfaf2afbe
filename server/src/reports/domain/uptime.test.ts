import { describe, expect, it } from 'vitest';
import { deviceUptime, unionLength } from './uptime.ts';

const D = (iso: string) => new Date(iso);
const RANGE = { from: D('2026-03-10T00:00:00Z'), to: D('2026-03-11T00:00:00Z') };
const device = (id: string, createdAt = '2026-01-01T00:00:00Z') => ({ id, name: id, siteId: 's', createdAt: D(createdAt) });

describe('uptime', () => {
  it('merges overlapping spans and clips them to the window', () => {
    expect(unionLength([[0, 10], [5, 20], [30, 40]], 0, 35)).toBe(25);
    expect(unionLength([[-10, 5]], 0, 100)).toBe(5);
    expect(unionLength([], 0, 100)).toBe(0);
  });

  it('counts an unresolved offline ticket as down until now, and observes only after provisioning', () => {
    const now = D('2026-03-10T18:00:00Z');
    const rows = deviceUptime(
      [device('a'), device('b', '2026-03-10T12:00:00Z')],
      [{ deviceId: 'a', from: D('2026-03-10T06:00:00Z'), to: D('2026-03-10T07:48:00Z') }, { deviceId: 'b', from: D('2026-03-10T15:00:00Z'), to: null }],
      RANGE, now,
    );
    expect(rows).toEqual([
      { deviceId: 'b', name: 'b', siteId: 's', observedMinutes: 360, offlineMinutes: 180, offlineTickets: 1, uptimePercent: 50 },
      { deviceId: 'a', name: 'a', siteId: 's', observedMinutes: 1080, offlineMinutes: 108, offlineTickets: 1, uptimePercent: 90 },
    ]);
  });
});
