/**
 * Login throttling around `POST /api/auth/login` (design §6): failures count per e-mail and per
 * client address; a locked key answers 429 RATE_LIMITED with `Retry-After`, before the password
 * is even checked. A successful login clears its e-mail's count (not the address's: one valid
 * account must not reset the count of an address guessing others).
 */
import type { Context, MiddlewareHandler } from 'hono';
import { addressKey, clearFailures, emailKey, lockedFor, recordFailure } from '../auth/login-throttle.ts';
import { AppError } from '../errors.ts';
import { clientAddress } from './client-address.ts';
import type { AppEnv } from './env.ts';

async function emailOf(c: Context<AppEnv>): Promise<string | null> {
  if (!c.req.header('content-type')?.toLowerCase().startsWith('application/json')) return null;
  // The parsed body is cached by hono, so the route reads it again for free.
  const body: unknown = await c.req.json().catch(() => null);
  const email = (body as { email?: unknown } | null)?.email;
  return typeof email === 'string' && email.length <= 320 ? email : null;
}

function tooMany(c: Context<AppEnv>, seconds: number): never {
  c.header('Retry-After', String(seconds));
  throw new AppError('RATE_LIMITED', `too many failed logins; try again in ${Math.ceil(seconds / 60)} min`);
}

export function throttleLogins(): MiddlewareHandler<AppEnv> {
  return async function loginThrottle(c, next) {
    const deps = c.get('deps');
    const { db } = deps.database;
    const email = await emailOf(c);
    const keys = [addressKey(clientAddress(c, deps.trustedProxies ?? null)), ...(email ? [emailKey(email)] : [])];
    const wait = await lockedFor(db, keys, deps.now());
    if (wait > 0) tooMany(c, wait);
    await next();
    if (c.res.status === 401) {
      const locked = await recordFailure(db, keys, deps.now());
      if (locked > 0) tooMany(c, locked);
    } else if (c.res.ok && email) {
      await clearFailures(db, emailKey(email));
    }
  };
}
