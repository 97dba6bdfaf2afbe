/**
 * Who is calling: a session cookie (people), an API token (`Authorization: Bearer dash_…`,
 * integrations) or the gateway token (split gateways). What each may do is in access.ts.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { API_TOKEN_PREFIX, findApiToken, touchApiToken } from '../auth/api-tokens.ts';
import { findSessionUser, SESSION_COOKIE } from '../auth/sessions.ts';
import type { Role } from '../db/schema.ts';
import { AppError } from '../errors.ts';
import type { AppDeps, AppEnv, Principal } from './env.ts';

const sha = (s: string) => createHash('sha256').update(s).digest();
const LOG_IN = 'log in first: POST /api/auth/login';

function bearerOf(header: string | undefined): string | null {
  return header?.startsWith('Bearer ') ? header.slice(7).trim() : null;
}

function isGatewayToken(bearer: string, token: string | undefined): boolean {
  return !!token && timingSafeEqual(sha(bearer), sha(token));
}

async function tokenPrincipal(deps: AppDeps, bearer: string): Promise<Principal> {
  const found = await findApiToken(deps.database.db, bearer);
  if (found.kind === 'unknown') throw new AppError('UNAUTHORIZED', 'unknown API token; ask an admin for a new one (POST /api/api-tokens)');
  if (found.kind === 'revoked') throw new AppError('UNAUTHORIZED', `this API token was revoked at ${found.at.toISOString()}`);
  const { token } = found;
  await touchApiToken(deps.database.db, token, deps.now());
  return { kind: 'token', token: { id: token.id, name: token.name, role: token.role, scopes: token.scopes } };
}

/** Sets `principal` (or null); access.ts and the routes decide what it may do. */
export function identify(): MiddlewareHandler<AppEnv> {
  return async function identifyCaller(c, next) {
    const deps = c.get('deps');
    const bearer = bearerOf(c.req.header('authorization'));
    let principal: Principal | null = null;
    // The gateway token is checked first: it is configured by the operator and may look like anything.
    if (bearer && isGatewayToken(bearer, deps.gatewayToken)) principal = { kind: 'gateway' };
    else if (bearer?.startsWith(API_TOKEN_PREFIX)) principal = await tokenPrincipal(deps, bearer);
    const cookie = getCookie(c, SESSION_COOKIE);
    if (!principal && !bearer && cookie) {
      const user = await findSessionUser(deps.database.db, cookie, deps.now());
      if (user) principal = { kind: 'user', user };
    }
    c.set('principal', principal);
    await next();
  };
}

/** Who acts: a person or an API token, with the role it acts with. */
export type Caller = { kind: 'user' | 'token'; id: string; role: Role; siteId: string | null; actor: string };

type HasPrincipal = { get(k: 'principal'): Principal | null };

export function currentCaller(c: HasPrincipal): Caller {
  const p = c.get('principal');
  if (p?.kind === 'user') return { kind: 'user', id: p.user.id, role: p.user.role, siteId: p.user.siteId, actor: `user:${p.user.id}` };
  // Tokens cannot be staff (api-tokens route), so they are never scoped to a site.
  if (p?.kind === 'token') return { kind: 'token', id: p.token.id, role: p.token.role, siteId: null, actor: `token:${p.token.id}` };
  throw new AppError('UNAUTHORIZED', LOG_IN);
}

/** The audit/timeline actor: `user:<id>` or `token:<id>`. */
export const actorOf = (c: HasPrincipal) => currentCaller(c).actor;

/** A logged-in user or an API token with one of `roles` (any role when empty). */
export function requireUser(...roles: Role[]): MiddlewareHandler<AppEnv> {
  return async function requireRole(c, next) {
    const { role } = currentCaller(c);
    if (roles.length && !roles.includes(role)) {
      throw new AppError('FORBIDDEN', `this needs the role ${roles.join(' or ')}; you are ${role}`);
    }
    await next();
  };
}

/** The person behind a session; API tokens have none (use currentCaller where tokens may act). */
export function currentUser(c: HasPrincipal) {
  const p = c.get('principal');
  if (p?.kind === 'token') throw new AppError('FORBIDDEN', 'this needs a person logged in; API tokens cannot do it');
  if (!p || p.kind !== 'user') throw new AppError('UNAUTHORIZED', LOG_IN);
  return p.user;
}
