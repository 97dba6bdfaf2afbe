import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { isCrossSite, refuseCrossSite } from './csrf.ts';
import type { AppEnv } from './env.ts';
import { onError } from './on-error.ts';

describe('isCrossSite', () => {
  it.each([
    [{ origin: 'http://dash.example:3000', host: 'dash.example:3000' }, false],
    [{ origin: 'https://dash.example', host: 'dash.example' }, false], // TLS ended at a proxy
    [{ origin: 'https://evil.example', host: 'dash.example' }, true],
    [{ origin: 'https://dash.example:8443', host: 'dash.example' }, true],
    [{ origin: 'null', host: 'dash.example' }, true],
    [{ host: 'dash.example' }, false], // curl
    [{ host: 'dash.example', fetchSite: 'same-origin' }, false],
    [{ host: 'dash.example', fetchSite: 'cross-site' }, true],
    [{ host: 'dash.example', fetchSite: 'same-site' }, true],
  ])('%o → %s', (headers, expected) => {
    expect(isCrossSite(headers)).toBe(expected);
  });
});

describe('refuseCrossSite', () => {
  const app = new Hono<AppEnv>();
  app.use(refuseCrossSite());
  app.onError(onError);
  app.all('/x', (c) => c.text('ok'));
  const call = (method: string, headers: Record<string, string>) => app.request('http://dash.example/x', { method, headers });

  it('refuses a foreign POST with the FORBIDDEN envelope', async () => {
    const res = await call('POST', { origin: 'https://evil.example' });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ error: { code: 'FORBIDDEN', message: 'cross-site request refused' } });
  });

  it('lets reads, bearer-token writes and Origin-less writes through', async () => {
    expect((await call('GET', { origin: 'https://evil.example' })).status).toBe(200);
    expect((await call('DELETE', { origin: 'https://evil.example', authorization: 'Bearer dash_x' })).status).toBe(200);
    expect((await call('PATCH', {})).status).toBe(200);
  });
});
