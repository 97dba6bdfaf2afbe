/**
 * Login throttling (design §6): so many failures inside a window lock the key (an e-mail or a
 * client address) for a while. Pure: the database side is login-throttle.ts.
 */
export type ThrottleLimits = { maxFailures: number; windowMs: number; lockMs: number };
export type ThrottleState = { failures: number; windowStart: Date; lockedUntil: Date | null };

/**
 * Per e-mail: 5 failures in 15 minutes lock that account's login for 15 minutes (OWASP's usual
 * numbers). Per address the limit is higher: a whole office can share one NAT address.
 */
export const EMAIL_LIMITS: ThrottleLimits = { maxFailures: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };
export const ADDRESS_LIMITS: ThrottleLimits = { maxFailures: 20, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };

/** Seconds until the lock ends, or 0 when the key is not locked at `now`. */
export function lockedForSeconds(state: ThrottleState | undefined, now: Date): number {
  const until = state?.lockedUntil;
  return until && until > now ? Math.ceil((until.getTime() - now.getTime()) / 1000) : 0;
}

/** The state after one more failure: a new window when the old one has passed, a lock at the limit. */
export function afterFailure(state: ThrottleState | undefined, now: Date, limits: ThrottleLimits): ThrottleState {
  const fresh = !state || now.getTime() - state.windowStart.getTime() >= limits.windowMs;
  const failures = fresh ? 1 : state.failures + 1;
  const windowStart = fresh ? now : state.windowStart;
  const lockedUntil = failures >= limits.maxFailures ? new Date(now.getTime() + limits.lockMs) : (state?.lockedUntil ?? null);
  // A lock starts a new count: after it ends, the next failures are counted afresh.
  return failures >= limits.maxFailures ? { failures: 0, windowStart: now, lockedUntil } : { failures, windowStart, lockedUntil };
}
