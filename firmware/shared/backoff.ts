/**
 * Reconnect delays: exponential, capped, with "equal jitter" (half fixed, half random) so a
 * shop full of buttons coming back after a power cut does not hit the broker in step, while
 * each device still waits at least half the nominal delay. Mirrored in C++ (backoff.h).
 */
export type BackoffPolicy = { baseMs: number; maxMs: number };

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 1_000, maxMs: 60_000 };

/** Delay before reconnect attempt `attempt` (0 = first retry); `random` is uniform in [0, 1). */
export function backoffDelay(attempt: number, random: number, policy: BackoffPolicy = DEFAULT_BACKOFF): number {
  // 2^attempt overflows to Infinity past ~1023; cap the exponent long before that.
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.min(Math.max(attempt, 0), 30));
  const half = Math.floor(ceiling / 2);
  return half + Math.floor(random * (ceiling - half));
}
