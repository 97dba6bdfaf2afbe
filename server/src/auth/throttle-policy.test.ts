import { describe, expect, it } from 'vitest';
import { afterFailure, lockedForSeconds, type ThrottleLimits, type ThrottleState } from './throttle-policy.ts';

const LIMITS: ThrottleLimits = { maxFailures: 3, windowMs: 60_000, lockMs: 120_000 };
const at = (s: number) => new Date(Date.UTC(2026, 0, 1, 12, 0, s));

function fail(times: number, start: number, step = 1): ThrottleState | undefined {
  let state: ThrottleState | undefined;
  for (let i = 0; i < times; i++) state = afterFailure(state, at(start + i * step), LIMITS);
  return state;
}

describe('login throttle policy', () => {
  it('counts failures inside the window without locking below the limit', () => {
    expect(fail(2, 0)).toEqual({ failures: 2, windowStart: at(0), lockedUntil: null });
  });

  it('locks for lockMs at the limit', () => {
    const state = fail(3, 0);
    expect(state?.lockedUntil).toEqual(new Date(at(2).getTime() + 120_000));
    expect(lockedForSeconds(state, at(2))).toBe(120);
    expect(lockedForSeconds(state, at(62))).toBe(60);
    expect(lockedForSeconds(state, new Date(at(2).getTime() + 120_000))).toBe(0);
  });

  it('starts a new window when the old one has passed', () => {
    const state = fail(3, 0, 40); // 0 s, 40 s, 80 s: the third is in a new window
    expect(state).toEqual({ failures: 1, windowStart: at(80), lockedUntil: null });
  });

  it('is not locked without a state', () => {
    expect(lockedForSeconds(undefined, at(0))).toBe(0);
  });
});
