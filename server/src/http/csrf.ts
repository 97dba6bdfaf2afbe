/**
 * CSRF protection for requests that a browser could send with the session cookie.
 *
 * The rule: a POST, PUT, PATCH or DELETE without an `Authorization` header is refused when
 * `Origin` names another host than the one the request was sent to (or is `null`), or, when
 * there is no `Origin`, when `Sec-Fetch-Site` says `cross-site` or `same-site`.
 *
 * Why this is enough: browsers send `Origin` on every non-GET request, so a page elsewhere
 * cannot pass; the SameSite=Strict cookie already stays off cross-site requests, and this
 * also stops sibling subdomains (same-site, different origin). Requests with no `Origin` come
 * from curl and other non-browser clients, which carry no ambient cookie. A bearer token is
 * never sent by a browser on its own, so token requests are exempt. Unlike hono's csrf(), a
 * missing content type is not held against curl; JSON bodies must still say
 * `content-type: application/json` (validate.ts), which a cross-site form cannot send.
 *
 * The origin is compared with the `Host` header, host and port only: behind a TLS-terminating
 * proxy the scheme differs, and the proxy must pass `Host` through.
 */
import type { MiddlewareHandler } from 'hono';
import { AppError } from '../errors.ts';
import type { AppEnv } from './env.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function originHost(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null; // `null` (sandboxed frames, privacy redirects) or garbage
  }
}

export function isCrossSite(headers: { origin?: string | undefined; host?: string | undefined; fetchSite?: string | undefined }): boolean {
  if (headers.origin !== undefined) return originHost(headers.origin) !== headers.host?.toLowerCase();
  return headers.fetchSite === 'cross-site' || headers.fetchSite === 'same-site';
}

export function refuseCrossSite(): MiddlewareHandler<AppEnv> {
  return async function csrfGuard(c, next) {
    if (!SAFE_METHODS.has(c.req.method) && !c.req.header('authorization')) {
      const crossSite = isCrossSite({
        origin: c.req.header('origin'), host: c.req.header('host'), fetchSite: c.req.header('sec-fetch-site'),
      });
      if (crossSite) throw new AppError('FORBIDDEN', 'cross-site request refused');
    }
    await next();
  };
}
