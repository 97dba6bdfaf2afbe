/** Applies the role table (people/access-rules.ts) to every `/api` request, before any route runs. */
import type { MiddlewareHandler } from 'hono';
import { AppError } from '../errors.ts';
import { decideAccess, familyOf, type Who } from '../people/access-rules.ts';
import type { AppEnv, Principal } from './env.ts';

function whoIs(p: Principal | null): Who {
  if (!p) return { kind: 'anonymous' };
  if (p.kind === 'gateway') return p;
  if (p.kind === 'token') return { kind: 'token', role: p.token.role, scopes: p.token.scopes };
  return { kind: 'user', role: p.user.role };
}

export function authorize(): MiddlewareHandler<AppEnv> {
  return async function authorizeFamily(c, next) {
    const verdict = decideAccess(whoIs(c.get('principal')), familyOf(c.req.path), c.req.method);
    if (!verdict.ok) throw new AppError(verdict.code, verdict.message);
    await next();
  };
}
