/**
 * Device CONNECTs (design §2): secrets checked against their scrypt hash, hashes of an older
 * cost upgraded in place, CONNECTs arriving together answered each on its own, and a registry
 * that cannot answer refusing as "server unavailable" rather than "not authorized".
 */
import { eq } from 'drizzle-orm';
import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashSecret } from '../server/src/auth/password.ts';
import { devices } from '../server/src/db/schema.ts';
import { POSTGRES_URL, testDatabases } from './helpers/databases.ts';
import { startTestSystem, type TestSystem } from './helpers/system.ts';
import { proxiedScratchDatabase, type TcpProxy } from './helpers/tcp-proxy.ts';

/** Connects and disconnects; resolves with the CONNACK return code (0 = accepted). */
function connackCode(url: string, id: string, password: string): Promise<number> {
  return mqtt.connectAsync(url, { clientId: id, username: id, password, protocolVersion: 4, reconnectPeriod: 0, connectTimeout: 10_000 })
    .then((c) => c.endAsync(true).then(() => 0), (err: Error & { code?: number }) => err.code ?? -1);
}

describe.each(testDatabases())('device authentication on $name', (db) => {
  let t: TestSystem;
  beforeAll(async () => {
    t = await startTestSystem(db);
  });
  afterAll(async () => {
    await t?.stop();
  });

  const storedHash = async (id: string) =>
    (await t.system.database.db.select({ h: devices.secretHash }).from(devices).where(eq(devices.id, id)))[0]!.h;

  it('accepts a secret hashed at an older cost, stores it again at the current cost, and accepts it again', async () => {
    const site = await t.site();
    const { credentials: c } = await t.device(site.id, []);
    const older = await hashSecret(c.password, { logN: 10, r: 8, p: 1 });
    await t.system.database.db.update(devices).set({ secretHash: older }).where(eq(devices.id, c.username));

    expect(await connackCode(t.mqttUrl, c.username, `${c.password}x`)).toBe(5);
    expect(await storedHash(c.username)).toBe(older); // a wrong secret changes nothing
    expect(await connackCode(t.mqttUrl, c.username, c.password)).toBe(0);
    const upgraded = await storedHash(c.username);
    expect(upgraded).toMatch(/^scrypt\$4\$8\$1\$/);
    expect(await connackCode(t.mqttUrl, c.username, c.password)).toBe(0);
    expect(await connackCode(t.mqttUrl, c.username, `${c.password}x`)).toBe(5);
    expect(await storedHash(c.username)).toBe(upgraded);
  });

  it('answers CONNECTs that arrive together each with its own verdict', async () => {
    const site = await t.site();
    const fleet = await Promise.all([0, 1, 2].map(() => t.device(site.id, []).then((d) => d.credentials)));
    const disabled = (await t.device(site.id, [])).credentials;
    await t.api.ok('PATCH', `/api/devices/${disabled.username}`, { disabled: true });
    const attempts = [
      ...fleet.map((c) => ({ id: c.username, password: c.password, code: 0 })),
      ...fleet.map((c) => ({ id: c.username, password: 'not-the-secret', code: 5 })),
      { id: 'no-such-device', password: 'whatever', code: 5 },
      { id: disabled.username, password: disabled.password, code: 5 },
      ...fleet.map((c) => ({ id: c.username, password: c.password, code: 0 })),
    ];
    const codes = await Promise.all(attempts.map((a) => connackCode(t.mqttUrl, a.id, a.password)));
    expect(codes).toEqual(attempts.map((a) => a.code));
  });
});

describe.skipIf(!POSTGRES_URL)('device authentication while the database is unreachable (PostgreSQL)', () => {
  let t: TestSystem;
  let proxy: TcpProxy;
  let database: Awaited<ReturnType<typeof proxiedScratchDatabase>>;
  beforeAll(async () => {
    database = await proxiedScratchDatabase(POSTGRES_URL!);
    proxy = database.proxy;
    t = await startTestSystem({ name: 'pglite' }, { DATABASE_URL: database.url });
  });
  afterAll(async () => {
    await t?.stop();
    await database?.release();
  });

  it('refuses every CONNECT as server unavailable, even of a device verified before, and accepts again after', async () => {
    const site = await t.site();
    const { credentials: c } = await t.device(site.id, []);
    expect(await connackCode(t.mqttUrl, c.username, c.password)).toBe(0);
    await proxy.cut();
    const codes = await Promise.all([c.password, 'wrong'].map((p) => connackCode(t.mqttUrl, c.username, p)));
    expect(codes).toEqual([3, 3]);
    await proxy.restore();
    expect(await connackCode(t.mqttUrl, c.username, c.password)).toBe(0);
  });
});
