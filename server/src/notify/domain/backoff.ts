/** When a failed delivery is tried again, and when it is given up (dead letter). */

export type RetryPolicy = { baseMs: number; maxMs: number };

/** 10 s, 20 s, 40 s … capped at an hour: 8 attempts span about 20 minutes of outage. */
export const DEFAULT_RETRY: RetryPolicy = { baseMs: 10_000, maxMs: 60 * 60_000 };

/**
 * Delay after the `failures`-th failure: base·2^(failures−1), capped, with "equal jitter" —
 * half the step fixed, half random — so rows that failed together (one receiver down) spread
 * out, yet none comes back sooner than half its step. `random` is in [0, 1).
 */
export function retryDelayMs(failures: number, policy: RetryPolicy, random: number): number {
  const step = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, failures - 1));
  return Math.round(step / 2 + (step / 2) * random);
}

export type AttemptDecision =
  | { status: 'sent'; attempts: number }
  | { status: 'pending'; attempts: number; nextAttemptAt: Date }
  | { status: 'dead'; attempts: number };

/** The row's next state after one attempt; `attemptsBefore` counts earlier attempts. */
export function decideAfterAttempt(input: {
  ok: boolean; attemptsBefore: number; maxAttempts: number; now: Date; policy: RetryPolicy; random: number;
}): AttemptDecision {
  const attempts = input.attemptsBefore + 1;
  if (input.ok) return { status: 'sent', attempts };
  if (attempts >= input.maxAttempts) return { status: 'dead', attempts };
  const delay = retryDelayMs(attempts, input.policy, input.random);
  return { status: 'pending', attempts, nextAttemptAt: new Date(input.now.getTime() + delay) };
}
