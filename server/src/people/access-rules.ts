/**
 * Who may use which route family (design §6): the one table, applied to every `/api` request
 * by http/access.ts. A family is the first path segment after `/api/`. Reads are GET, HEAD and
 * OPTIONS; everything else is a write. Routes narrow further where rows belong to a site:
 * staff see only their own site's tickets, site and events, and press only their own site's
 * devices through intake.
 */
import type { Role } from '../db/schema.ts';

/**
 * Open to anyone: the routes themselves decide (login, logout, `me`; `status`: the site status
 * board, which wants its link's secret instead of a login).
 */
export const PUBLIC_FAMILIES = ['health', 'auth', 'openapi.json', 'docs', 'status'] as const;

export const FAMILIES = [
  'sites', 'categories', 'devices', 'tickets', 'intake', 'events', 'users', 'teams', 'api-tokens', 'audit',
  'calendars', 'sla-policies', 'sla', 'webhooks', 'notifications', 'reports', 'config',
] as const;
export type Family = (typeof FAMILIES)[number];

type Grant = { read: readonly Family[]; write: readonly Family[] };

export const ACCESS: Record<Role, Grant> = {
  admin: { read: FAMILIES, write: FAMILIES },
  // Managers read everything but tokens and the audit trail (webhook secrets stay with the
  // admin routes); they own SLA settings, reports and notification retries, and work tickets
  // because escalations land on them.
  manager: {
    read: ['sites', 'categories', 'devices', 'tickets', 'events', 'users', 'teams', 'calendars', 'sla-policies', 'sla', 'webhooks', 'notifications', 'reports'],
    write: ['tickets', 'calendars', 'sla-policies', 'sla', 'notifications', 'reports'],
  },
  agent: {
    read: ['sites', 'categories', 'devices', 'tickets', 'events', 'users', 'teams', 'calendars', 'sla-policies', 'sla'],
    write: ['tickets'],
  },
  // Staff: their site's virtual button (intake) and status board (tickets, events).
  staff: { read: ['sites', 'categories', 'tickets', 'events'], write: ['intake'] },
};

/** The split gateway's token sends presses and nothing else. */
const GATEWAY_WRITES: readonly string[] = ['intake'];

export type Who =
  | { kind: 'anonymous' }
  | { kind: 'gateway' }
  | { kind: 'user'; role: Role }
  | { kind: 'token'; role: Role; scopes: readonly string[] };

export type Verdict = { ok: true } | { ok: false; code: 'UNAUTHORIZED' | 'FORBIDDEN'; message: string };

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const isFamily = (s: string): s is Family => (FAMILIES as readonly string[]).includes(s);

/** The family of an `/api/...` path, e.g. `/api/tickets/1/assign` → `tickets`. */
export function familyOf(path: string): string {
  return path.replace(/^\/api\/?/, '').split('/')[0] ?? '';
}

/** A token with scopes may use only the families named there; `tickets:write` implies read. */
export function scopeAllows(scopes: readonly string[], family: string, write: boolean): boolean {
  if (scopes.length === 0) return true;
  return scopes.some((s) => s === '*' || s === `${family}:write` || (!write && s === `${family}:read`));
}

/** Applies ACCESS (and token scopes) to one request. */
export function decideAccess(who: Who, family: string, method: string): Verdict {
  if ((PUBLIC_FAMILIES as readonly string[]).includes(family)) return { ok: true };
  const write = !READ_METHODS.has(method.toUpperCase());
  const what = `${write ? 'write' : 'read'} /api/${family}`;
  if (who.kind === 'anonymous') return { ok: false, code: 'UNAUTHORIZED', message: 'log in first: POST /api/auth/login (or send an API token)' };
  if (who.kind === 'gateway') {
    return write && GATEWAY_WRITES.includes(family)
      ? { ok: true }
      : { ok: false, code: 'FORBIDDEN', message: 'the gateway token only sends presses (POST /api/intake/presses)' };
  }
  const grant = ACCESS[who.role];
  const allowed = isFamily(family) ? (write ? grant.write : grant.read).includes(family) : who.role === 'admin';
  if (!allowed) return { ok: false, code: 'FORBIDDEN', message: `the role ${who.role} may not ${what}` };
  if (who.kind === 'token' && !scopeAllows(who.scopes, family, write)) {
    return { ok: false, code: 'FORBIDDEN', message: `this API token's scopes (${who.scopes.join(', ')}) do not allow ${what}` };
  }
  return { ok: true };
}
