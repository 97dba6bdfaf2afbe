/**
 * Login failures counted in the database (`login_throttle`), so several servers behind one
 * load balancer agree on a lock. Keys: `email:<address>` and `ip:<address>`.
 */
import { and, eq, inArray, isNull, lt, or } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { loginThrottle } from '../db/schema.ts';
import { ADDRESS_LIMITS, afterFailure, EMAIL_LIMITS, lockedForSeconds, type ThrottleLimits } from './throttle-policy.ts';

export type ThrottleKey = { key: string; limits: ThrottleLimits };

export const emailKey = (email: string): ThrottleKey => ({ key: `email:${email.trim().toLowerCase()}`, limits: EMAIL_LIMITS });
export const addressKey = (address: string): ThrottleKey => ({ key: `ip:${address}`, limits: ADDRESS_LIMITS });

/** Seconds until every one of `keys` is unlocked; 0 when none is locked. */
export async function lockedFor(db: Db, keys: ThrottleKey[], now: Date): Promise<number> {
  const rows = await db.select().from(loginThrottle).where(inArray(loginThrottle.key, keys.map((k) => k.key)));
  return Math.max(0, ...rows.map((row) => lockedForSeconds(row, now)));
}

/** Counts one failure against each key; returns the seconds of a lock it caused, or 0. */
export async function recordFailure(db: Db, keys: ThrottleKey[], now: Date): Promise<number> {
  let locked = 0;
  for (const { key, limits } of keys) {
    const next = await db.transaction(async (tx) => {
      // Insert-then-lock: FOR UPDATE cannot lock a row that does not exist yet.
      await tx.insert(loginThrottle).values({ key, failures: 0, windowStart: now }).onConflictDoNothing();
      const [row] = await tx.select().from(loginThrottle).where(eq(loginThrottle.key, key)).for('update');
      const state = afterFailure(row, now, limits);
      await tx.update(loginThrottle).set(state).where(eq(loginThrottle.key, key));
      return state;
    });
    locked = Math.max(locked, lockedForSeconds(next, now));
  }
  await forgetOld(db, now);
  return locked;
}

export async function clearFailures(db: Db, key: ThrottleKey): Promise<void> {
  await db.delete(loginThrottle).where(eq(loginThrottle.key, key.key));
}

/** Housekeeping: rows whose window and lock both ended a day ago say nothing any more. */
async function forgetOld(db: Db, now: Date): Promise<void> {
  const dayAgo = new Date(now.getTime() - 86_400_000);
  await db.delete(loginThrottle).where(and(lt(loginThrottle.windowStart, dayAgo), or(isNull(loginThrottle.lockedUntil), lt(loginThrottle.lockedUntil, dayAgo))));
}
