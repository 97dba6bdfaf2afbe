/** Who is calling: a session cookie (people) or the gateway token (split gateways). */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { findSessionUser, SESSION_COOKIE } from '../auth/sessions.ts';
import type { Role } from '../db/schema.ts';
import { AppError } from '../errors.ts';
import type { AppEnv, Principal } from './env.ts';

const sha = (s: string) => createHash('sha256').update(s).digest();

function isGatewayToken(header: string | undefined, token: string | undefined): boolean {
  if (!header?.startsWith('Bearer ') || !token) return false;
  return timingSafeEqual(sha(header.slice(7)), sha(token));
}

/** Sets `principal` (or null); routes decide what they require. */
export function identify(): MiddlewareHandler<AppEnv> {
  return async function identifyCaller(c, next) {
    const deps = c.get('deps');
    let principal: Principal | null = null;
    if (isGatewayToken(c.req.header('authorization'), deps.gatewayToken)) principal = { kind: 'gateway' };
    const cookie = getCookie(c, SESSION_COOKIE);
    if (!principal && cookie) {
      const user = await findSessionUser(deps.database.db, cookie, deps.now());
      if (user) principal = { kind: 'user', user };
    }
    c.set('principal', principal);
    await next();
  };
}

/** A logged-in user with one of `roles` (any role when empty). */
export function requireUser(...roles: Role[]): MiddlewareHandler<AppEnv> {
  return async function requireRole(c, next) {
    const p = c.get('principal');
    if (!p || p.kind !== 'user') throw new AppError('UNAUTHORIZED', 'log in first: POST /api/auth/login');
    if (roles.length && !roles.includes(p.user.role)) {
      throw new AppError('FORBIDDEN', `this needs the role ${roles.join(' or ')}; you are ${p.user.role}`);
    }
    await next();
  };
}

export function currentUser(c: { get(k: 'principal'): Principal | null }) {
  const p = c.get('principal');
  if (!p || p.kind !== 'user') throw new AppError('UNAUTHORIZED', 'log in first: POST /api/auth/login');
  return p.user;
}
