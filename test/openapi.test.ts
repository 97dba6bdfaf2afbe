/**
 * The API reference: /api/openapi.json documents exactly the routes the app registers, with the
 * shapes the server really sends, and /api/docs shows it in a real browser without reaching
 * beyond its own origin.
 */
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../server/src/http/app.ts';
import type { AppDeps } from '../server/src/http/env.ts';
import { VERSION } from '../server/src/version.ts';
import { startTestSystem, type TestSystem } from './helpers/system.ts';

const CHROMIUM = '/usr/bin/chromium';
const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** Hono's `:ref`, `:ref?` and `:ref{[0-9]{3}}` (a regex, one level of nested braces) → OpenAPI's `{ref}`. */
const normalise = (path: string) => path.replace(/:(\w+)(?:\{(?:[^{}]|\{[^{}]*\})*\})?\??/g, '{$1}');

/** `METHOD /api/path` for every API route the app registers (middleware `ALL` entries aside). */
function registeredRoutes(): string[] {
  // Registering routes touches none of the dependencies; they are only used per request.
  const app = createApp({} as AppDeps);
  const api = app.routes.filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/'));
  return [...new Set(api.map((r) => `${r.method} ${normalise(r.path)}`))].sort();
}

function documentedRoutes(doc: any): string[] {
  return Object.entries(doc.paths).flatMap(([path, item]: [string, any]) =>
    Object.keys(item).filter((k) => HTTP_METHODS.includes(k)).map((m) => `${m.toUpperCase()} ${path}`)).sort();
}

function operations(doc: any): { route: string; op: any }[] {
  return documentedRoutes(doc).map((route) => {
    const [method, path] = route.split(' ') as [string, string];
    return { route, op: doc.paths[path][method.toLowerCase()] };
  });
}

function refsIn(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => refsIn(v, found));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === '$ref') found.push(v as string);
      else refsIn(v, found);
    }
  }
  return found;
}

/** The properties a component promises, `allOf` merged. */
function fieldsOf(doc: any, name: string): { all: string[]; required: string[] } {
  const schema = doc.components.schemas[name];
  const parts = schema.allOf ? schema.allOf.map((s: any) => (s.$ref ? doc.components.schemas[s.$ref.split('/').pop()] : s)) : [schema];
  return {
    all: parts.flatMap((s: any) => Object.keys(s.properties ?? {})).sort(),
    required: parts.flatMap((s: any) => s.required ?? []).sort(),
  };
}

describe('OpenAPI reference', () => {
  let t: TestSystem;
  let doc: any;
  beforeAll(async () => {
    t = await startTestSystem({ name: 'pglite' });
    // No cookie: the reference needs no login.
    const res = await fetch(`${t.httpUrl}/api/openapi.json`);
    expect(res.status).toBe(200);
    doc = await res.json();
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('serves an OpenAPI 3.1 document with the version, the auth schemes and the error envelope', () => {
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
    expect(doc.info).toMatchObject({ title: 'Dash', version: VERSION });
    expect(doc.servers).toEqual([{ url: '/' }]);
    expect(doc.components.securitySchemes).toMatchObject({
      session: { type: 'apiKey', in: 'cookie', name: 'dash_session' },
      apiToken: { type: 'http', scheme: 'bearer' },
      gatewayToken: { type: 'http', scheme: 'bearer' },
    });
    expect(doc.components.schemas.Error.properties.error.required).toEqual(['code', 'message', 'requestId']);
    for (const tag of new Set(operations(doc).map(({ op }) => op.tags[0]))) expect(doc.tags.map((x: any) => x.name)).toContain(tag);
  });

  it('documents exactly the API routes the app registers', () => {
    const registered = registeredRoutes();
    const documented = documentedRoutes(doc);
    const undocumented = registered.filter((r) => !documented.includes(r));
    const stale = documented.filter((r) => !registered.includes(r));
    expect(undocumented, `routes missing from server/src/http/openapi/operations/: ${undocumented.join(', ')}`).toEqual([]);
    expect(stale, `documented routes the app does not register: ${stale.join(', ')}`).toEqual([]);
    expect(documented).toContain('POST /api/tickets/{ref}/acknowledge');
  });

  it('gives every body a schema, every error the envelope, every operation its callers', () => {
    for (const { route, op } of operations(doc)) {
      expect(op.summary, route).toBeTruthy();
      if (op.requestBody) expect(Object.keys(op.requestBody.content['application/json']?.schema ?? {}), `${route} body`).not.toHaveLength(0);
      for (const [status, res] of Object.entries(op.responses) as [string, any][]) {
        if (Number(status) < 400 || route === 'GET /api/health') continue; // health answers 503 with its own shape
        expect(res.content?.['application/json']?.schema, `${route} ${status}`).toEqual({ $ref: '#/components/schemas/Error' });
      }
      if (op['x-roles'] === 'public') expect(op.security, route).toEqual([]);
      else expect(op['x-roles'].length && op.security.length, `${route} callers`).toBeGreaterThan(0);
    }
    const dangling = refsIn(doc).filter((ref) => !doc.components.schemas[ref.replace('#/components/schemas/', '')]);
    expect(dangling).toEqual([]);
  });

  it('describes answers with exactly the fields the server sends', async () => {
    const site = await t.site();
    const category = await t.category();
    const { device } = await t.device(site.id, [{ button: 0, categoryId: category.id }]);
    const ticket = await t.api.ok('POST', '/api/tickets', { siteId: site.id, categoryId: category.id, title: 'Printer jam' });
    const detail = await t.api.ok('GET', `/api/tickets/${ticket.number}`);
    const [user] = (await t.api.ok('GET', '/api/users')).items;
    const missing = await t.api.request('GET', '/api/tickets/INC-999999');
    const answers: [string, Record<string, unknown>][] = [
      ['Site', site], ['Category', category], ['Device', device], ['Ticket', ticket], ['TicketDetail', detail],
      ['User', user], ['Error', missing.body], ['Health', (await t.api.request('GET', '/api/health')).body],
    ];
    for (const [name, answer] of answers) {
      const { all, required } = fieldsOf(doc, name);
      const sent = Object.keys(answer).sort();
      expect(sent, `${name}: fields sent vs documented`).toEqual(expect.arrayContaining(required));
      expect(all, `${name}: documented vs fields sent`).toEqual(expect.arrayContaining(sent));
    }
  });

  it('serves /api/docs as a page that loads nothing from elsewhere', async () => {
    const res = await fetch(`${t.httpUrl}/api/docs`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('content-security-policy')).toMatch(/default-src 'none'.*connect-src 'self'/);
    const html = await res.text();
    const own = new URL(t.httpUrl).host;
    const absolute = [...html.matchAll(/https?:\/\/[a-z0-9.-]+(?::\d+)?/gi)].map(([u]) => u).filter((u) => !u.endsWith(`//${own}`));
    expect(absolute, 'URLs of other hosts in /api/docs').toEqual([]);
    const refs = [...html.matchAll(/\b(?:src|href)="([^"]*)"/g)].map(([, u]) => u!);
    expect(refs.filter((u) => !u.startsWith('data:') && new URL(u, `${t.httpUrl}/api/docs`).host !== own)).toEqual([]);
    expect(html).toContain("fetch('openapi.json'");
  });

  it('renders the operations in headless Chromium without console errors', async (ctx) => {
    ctx.skip(!existsSync(CHROMIUM), `no Chromium at ${CHROMIUM}: the browser check is skipped (no browser is downloaded)`);
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    try {
      const page = await browser.newPage();
      const problems: string[] = [];
      const foreign: string[] = [];
      page.on('console', (m) => void (m.type() === 'error' && problems.push(`console: ${m.text()}`)));
      page.on('pageerror', (e) => void problems.push(`page error: ${e.message}`));
      page.on('requestfailed', (r) => void problems.push(`request failed: ${r.url()}`));
      page.on('request', (r) => void (new URL(r.url()).origin !== t.httpUrl && !r.url().startsWith('data:') && foreign.push(r.url())));

      await page.goto(`${t.httpUrl}/api/docs`);
      const acknowledge = page.getByText('POST /api/tickets/{ref}/acknowledge');
      await acknowledge.waitFor({ state: 'visible' });
      await acknowledge.click();
      await page.getByText('From new to acknowledged.').waitFor({ state: 'visible' });

      await page.getByLabel('Filter operations').fill('rotate-secret');
      await page.getByText('POST /api/devices/{id}/rotate-secret').waitFor({ state: 'visible' });
      expect(await acknowledge.isVisible()).toBe(false);

      expect(problems).toEqual([]);
      expect(foreign).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
