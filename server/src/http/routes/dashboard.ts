/**
 * The web app (dashboard/dist, design §9): its files, and its index.html for every page of the
 * app so that a reload or a shared link (`/tickets/INC-000012`, `/b/waw-1`) works. `/api`,
 * `/metrics` and `/mqtt` are not pages: they keep their own answers and JSON 404s.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Context } from 'hono';
import { Hono } from 'hono';
import { DASHBOARD_DIST } from '../../cli/dashboard-bundle.ts';
import type { AppEnv } from '../env.ts';

/** Paths the app routes itself (dashboard/src/app.tsx). */
export const APP_PAGES = [
  '/', '/login', '/tickets', '/tickets/*', '/b/*', '/status/*', '/devices', '/devices/*', '/admin', '/admin/*', '/reports', '/reports/*', '/settings',
];

// The app renders user text as text; this keeps any injected markup from running all the same.
const CSP = [
  "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:", "connect-src 'self'",
  "manifest-src 'self'", "worker-src 'self'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "form-action 'self'",
].join('; ');

function securityHeaders(c: Context) {
  c.header('content-security-policy', CSP);
  c.header('x-content-type-options', 'nosniff');
  c.header('referrer-policy', 'same-origin');
}

const NOT_BUILT = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Dash</title></head><body>
<h1>The dashboard is not built</h1><p>Dash is running and its API answers under <code>/api</code>
(<a href="/api/docs">reference</a>), but <code>dashboard/dist</code> is missing. Run
<code>npm run build:dashboard</code> (or restart Dash, which builds it) and reload.</p></body></html>`;

export function dashboardRoutes(dist = DASHBOARD_DIST) {
  const r = new Hono<AppEnv>();
  // Hashed file names: a new build has new names, so these never go stale.
  r.get('/assets/*', serveStatic({
    root: dist,
    onFound: (_path, c) => {
      c.header('cache-control', 'public, max-age=31536000, immutable');
      c.header('x-content-type-options', 'nosniff');
    },
  }));
  r.get('/:file{[\\w.-]+\\.(?:svg|png|ico|webmanifest|js|txt)}', serveStatic({
    root: dist,
    onFound: (_path, c) => {
      c.header('cache-control', 'no-cache');
      c.header('x-content-type-options', 'nosniff');
    },
  }));
  const page = async (c: Context<AppEnv>) => {
    securityHeaders(c);
    c.header('cache-control', 'no-cache');
    try {
      return c.html(await readFile(path.join(dist, 'index.html'), 'utf8'));
    } catch {
      return c.html(NOT_BUILT, 503);
    }
  };
  for (const p of APP_PAGES) r.get(p, page);
  return r;
}
