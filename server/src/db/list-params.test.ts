import { describe, expect, it } from 'vitest';
import { powerOfTwoRuns } from './list-params.ts';

describe('powerOfTwoRuns', () => {
  it('splits rows into runs of falling powers of two, in order', () => {
    const rows = Array.from({ length: 37 }, (_, i) => i);
    const runs = powerOfTwoRuns(rows);
    expect(runs.map((r) => r.length)).toEqual([32, 4, 1]);
    expect(runs.flat()).toEqual(rows);
  });

  it('keeps a power of two whole and gives nothing for no rows', () => {
    expect(powerOfTwoRuns([1, 2, 3, 4]).map((r) => r.length)).toEqual([4]);
    expect(powerOfTwoRuns([])).toEqual([]);
  });

  it('uses at most log2(n) + 1 distinct lengths for any n up to 200', () => {
    const lengths = new Set<number>();
    for (let n = 1; n <= 200; n++) for (const r of powerOfTwoRuns(Array.from({ length: n }))) lengths.add(r.length);
    expect([...lengths].sort((a, b) => a - b)).toEqual([1, 2, 4, 8, 16, 32, 64, 128]);
  });
});
