import { describe, expect, it } from 'vitest';
import { percentOf, percentile, spread } from './percentiles.ts';

describe('percentile (percentile_cont)', () => {
  it('interpolates between the closest ranks', () => {
    expect(percentile([4, 1, 3, 2], 0.5)).toBe(2.5);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBeCloseTo(9.1, 10);
    expect(percentile([10, 20, 30], 0.5)).toBe(20);
  });

  it('takes the only value of a one-element list, and null of an empty one', () => {
    expect(percentile([7], 0.9)).toBe(7);
    expect(percentile([], 0.5)).toBeNull();
  });

  it('does not reorder the caller\'s list', () => {
    const values = [3, 1, 2];
    percentile(values, 0.5);
    expect(values).toEqual([3, 1, 2]);
  });

  it('refuses a percentile outside 0–1', () => {
    expect(() => percentile([1], 90)).toThrow(RangeError);
  });
});

describe('spread and percentOf', () => {
  it('gives count, median and p90 rounded to hundredths', () => {
    expect(spread([1, 2, 3])).toEqual({ count: 3, median: 2, p90: 2.8 });
    expect(spread([])).toEqual({ count: 0, median: null, p90: null });
    expect(spread([1 / 3, 2 / 3])).toEqual({ count: 2, median: 0.5, p90: 0.63 });
  });

  it('gives percent with one decimal, null of nothing', () => {
    expect(percentOf(2, 3)).toBe(66.7);
    expect(percentOf(0, 0)).toBeNull();
  });
});
