import { describe, expect, it } from 'vitest';
import { DEFAULT_BACKOFF, backoffDelay } from './backoff.ts';

describe('backoffDelay', () => {
  it('doubles the ceiling per attempt and waits at least half of it', () => {
    expect([0, 1, 2, 3].map((a) => backoffDelay(a, 0))).toEqual([500, 1000, 2000, 4000]);
    expect([0, 1, 2, 3].map((a) => backoffDelay(a, 0.999999))).toEqual([999, 1999, 3999, 7999]);
  });

  it('never exceeds the cap, however many attempts', () => {
    for (const attempt of [6, 7, 30, 31, 1000, Number.MAX_SAFE_INTEGER]) {
      const low = backoffDelay(attempt, 0);
      const high = backoffDelay(attempt, 0.999999);
      expect(low).toBe(DEFAULT_BACKOFF.maxMs / 2);
      expect(high).toBeLessThan(DEFAULT_BACKOFF.maxMs);
    }
  });

  it('spreads devices that fail at the same moment across the window', () => {
    const delays = new Set(Array.from({ length: 100 }, (_, i) => backoffDelay(4, i / 100)));
    expect(delays.size).toBe(100);
  });

  it('treats a negative attempt as the first', () => {
    expect(backoffDelay(-3, 0)).toBe(backoffDelay(0, 0));
  });
});
