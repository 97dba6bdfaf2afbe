/**
 * Behind a reverse proxy (TRUSTED_PROXIES), login throttling counts per client as the proxy
 * names it in X-Forwarded-For; without the setting the header is ignored, whoever sends it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api } from './helpers/api.ts';
import { ADMIN, startTestSystem, type TestSystem } from './helpers/system.ts';
import { testDatabases } from './helpers/databases.ts';

const guess = (api: Api, i: number, forwardedFor: string) =>
  api.request('POST', '/api/auth/login', { email: `guess-${i}@dash.test`, password: 'x' }, { 'x-forwarded-for': forwardedFor });

async function lockOut(api: Api, forwardedFor: string): Promise<number> {
  let status = 401;
  for (let i = 0; i < 20 && status === 401; i++) status = (await guess(api, i, forwardedFor)).status;
  return status;
}

describe.each(testDatabases())('client addresses on $name', (db) => {
  describe('behind a trusted proxy', () => {
    let t: TestSystem;
    beforeAll(async () => void (t = await startTestSystem(db, { TRUSTED_PROXIES: '127.0.0.1,::1' })));
    afterAll(async () => t?.stop());

    it('locks out the client the proxy names, not everyone behind the proxy', async () => {
      const api = new Api(t.httpUrl);
      expect(await lockOut(api, '198.51.100.7')).toBe(429);
      const other = await api.request('POST', '/api/auth/login', ADMIN, { 'x-forwarded-for': '198.51.100.8' });
      expect(other.status).toBe(200);
      // The client cannot talk its way out by prepending an address of its own choosing.
      expect((await api.request('POST', '/api/auth/login', ADMIN, { 'x-forwarded-for': '192.0.2.1, 198.51.100.7' })).status).toBe(429);
    });
  });

  describe('without TRUSTED_PROXIES', () => {
    let t: TestSystem;
    beforeAll(async () => void (t = await startTestSystem(db)));
    afterAll(async () => t?.stop());

    it('ignores X-Forwarded-For: a changed header does not reset the count of the real address', async () => {
      const api = new Api(t.httpUrl);
      expect(await lockOut(api, '198.51.100.7')).toBe(429);
      expect((await api.request('POST', '/api/auth/login', ADMIN, { 'x-forwarded-for': '198.51.100.8' })).status).toBe(429);
    });
  });
});
