import { describe, expect, it } from 'vitest';
import { BUCKET_MS, countBy, localSlot, pressHeatmap, type PressBucket, pressKpis } from './presses.ts';

const at = (iso: string) => Date.parse(iso);
const bucket = (iso: string, timezone: string, count = 1, outcome = 'created'): PressBucket => ({
  bucketMs: at(iso), siteId: 's', timezone, categoryId: 'c', outcome, count,
});
const cell = (map: number[][], weekday: number, hour: number) => map[weekday - 1]![hour];

describe('heatmap in the site\'s zone', () => {
  it('places a press on its local weekday and hour', () => {
    // Sunday 23:30 UTC is Monday 00:30 in Warsaw (CET, +01:00).
    expect(localSlot(at('2026-03-01T23:30:00Z'), 'Europe/Warsaw')).toEqual({ weekday: 1, hour: 0 });
    // Tehran is +03:30: a quarter hour at 05:30 UTC is 09:00 local.
    expect(localSlot(at('2026-03-02T05:30:00Z'), 'Asia/Tehran')).toEqual({ weekday: 1, hour: 9 });
  });

  it('counts both passes of the repeated fall-back hour in that one local hour', () => {
    // Warsaw, Sunday 25 October 2026: 03:00 CEST falls back to 02:00 CET; 02:xx happens twice.
    const map = pressHeatmap([bucket('2026-10-25T00:15:00Z', 'Europe/Warsaw', 2), bucket('2026-10-25T01:15:00Z', 'Europe/Warsaw', 3)]);
    expect(cell(map, 7, 2)).toBe(5);
    expect(map.flat().reduce((a, b) => a + b)).toBe(5);
  });

  it('has nothing in the hour skipped by spring-forward', () => {
    // Warsaw, Sunday 29 March 2026: 02:00 CET jumps to 03:00 CEST. 00:45 UTC is 01:45, 01:00 UTC is 03:00.
    const map = pressHeatmap([bucket('2026-03-29T00:45:00Z', 'Europe/Warsaw'), bucket('2026-03-29T01:00:00Z', 'Europe/Warsaw')]);
    expect([cell(map, 7, 1), cell(map, 7, 2), cell(map, 7, 3)]).toEqual([1, 0, 1]);
  });

  it('uses each site\'s own zone for the same instant', () => {
    const map = pressHeatmap([bucket('2026-03-02T08:00:00Z', 'Europe/Warsaw'), bucket('2026-03-02T08:00:00Z', 'America/New_York')]);
    expect(cell(map, 1, 9)).toBe(1);
    expect(cell(map, 1, 3)).toBe(1);
  });

  it('buckets by quarter hours', () => {
    expect(BUCKET_MS).toBe(900_000);
  });
});

describe('press counts and button KPIs', () => {
  it('sums by key, largest first', () => {
    const list = [bucket('2026-03-02T08:00:00Z', 'UTC', 2, 'merged'), bucket('2026-03-02T09:00:00Z', 'UTC', 1, 'created'), bucket('2026-03-02T10:00:00Z', 'UTC', 3, 'created')];
    expect(countBy(list, (b) => b.outcome)).toEqual([{ key: 'created', count: 4 }, { key: 'merged', count: 2 }]);
  });

  it('groups outcomes into accidental, cancelled and repeat presses', () => {
    const kpis = pressKpis([
      bucket('2026-03-02T08:00:00Z', 'UTC', 5, 'created'), bucket('2026-03-02T08:00:00Z', 'UTC', 2, 'duplicate'),
      bucket('2026-03-02T08:00:00Z', 'UTC', 1, 'rejected'), bucket('2026-03-02T08:00:00Z', 'UTC', 1, 'cancelled'), bucket('2026-03-02T08:00:00Z', 'UTC', 1, 'merged'),
    ]);
    expect(kpis).toMatchObject({ total: 10, accidental: 3, accidentalPercent: 30, cancelled: 1, cancelledPercent: 10, repeat: 1 });
  });
});
