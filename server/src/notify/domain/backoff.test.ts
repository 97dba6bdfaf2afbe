import { describe, expect, it } from 'vitest';
import { decideAfterAttempt, DEFAULT_RETRY, retryDelayMs } from './backoff.ts';

const policy = { baseMs: 1000, maxMs: 10_000 };
const now = new Date('2026-03-06T12:00:00Z');

describe('retry backoff', () => {
  it('doubles the step per failure, between half and all of it', () => {
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, policy, 0))).toEqual([500, 1000, 2000, 4000]);
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, policy, 0.999_999))).toEqual([1000, 2000, 4000, 8000]);
    expect(retryDelayMs(2, policy, 0.5)).toBe(1500);
  });

  it('caps the step at maxMs', () => {
    expect(retryDelayMs(10, policy, 0)).toBe(5000);
    expect(retryDelayMs(10, policy, 0.999_999)).toBe(10_000);
    expect(retryDelayMs(60, DEFAULT_RETRY, 0)).toBe(DEFAULT_RETRY.maxMs / 2);
  });

  it('spreads rows that failed together', () => {
    const delays = [0.1, 0.4, 0.7].map((r) => retryDelayMs(3, policy, r));
    expect(new Set(delays).size).toBe(3);
  });
});

describe('after an attempt', () => {
  const base = { maxAttempts: 3, now, policy, random: 0 };

  it('is sent on success, counting the attempt', () => {
    expect(decideAfterAttempt({ ...base, ok: true, attemptsBefore: 2 })).toEqual({ status: 'sent', attempts: 3 });
  });

  it('is tried again later while attempts remain', () => {
    expect(decideAfterAttempt({ ...base, ok: false, attemptsBefore: 0 }))
      .toEqual({ status: 'pending', attempts: 1, nextAttemptAt: new Date('2026-03-06T12:00:00.500Z') });
    expect(decideAfterAttempt({ ...base, ok: false, attemptsBefore: 1 }))
      .toEqual({ status: 'pending', attempts: 2, nextAttemptAt: new Date('2026-03-06T12:00:01Z') });
  });

  it('is dead once the last allowed attempt fails', () => {
    expect(decideAfterAttempt({ ...base, ok: false, attemptsBefore: 2 })).toEqual({ status: 'dead', attempts: 3 });
    expect(decideAfterAttempt({ ...base, maxAttempts: 1, ok: false, attemptsBefore: 0 })).toEqual({ status: 'dead', attempts: 1 });
  });
});
