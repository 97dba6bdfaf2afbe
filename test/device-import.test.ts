/**
 * Devices provisioned in bulk from CSV (POST /api/devices/import), and the battery days-left
 * estimate the device list shows, kept by the device-health sweep.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { topicFor } from '../gateway/src/mqtt/contract.ts';
import { devices } from '../server/src/db/schema.ts';
import { testDatabases } from './helpers/databases.ts';
import { connectDevice, waitFor } from './helpers/device.ts';
import { startTestSystem, type TestSystem } from './helpers/system.ts';

type ImportAnswer = {
  dryRun: boolean; created: number; failed: number;
  rows: { row: number; ok: boolean; deviceId: string | null; secret?: string; error?: string }[];
  connection: { mqtt: { url: string }[]; websocket: string | null };
};

describe.each(testDatabases())('device import and battery estimate on $name', (db) => {
  let t: TestSystem;
  beforeAll(async () => {
    t = await startTestSystem(db, { HEALTH_SWEEP_S: '1' });
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('creates the good rows, reports the bad ones by line, and the new secrets connect', async () => {
    const site = await t.site({ code: 'krk-1' });
    const printer = await t.category({ key: 'printer' });
    const till = await t.category({ key: 'till' });
    const csv = [
      'id,name,site,kind,buttons,heartbeat_s,button0,button1',
      'imp-a,"Till, front",krk-1,esp32,2,3600,printer,till',
      'imp-b,Back office,krk-1,pi,,,till,',
      'imp-c,Nowhere,no-such-site,esp32,1,,printer,',
      'imp-d,Bad key,krk-1,esp32,1,,scanner,',
      'imp-a,Twice,krk-1,esp32,1,,printer,',
      ',Generated id,' + site.id + ',,,,,',
    ].join('\n');

    const preview = await t.api.ok<ImportAnswer>('POST', '/api/devices/import', { csv, dryRun: true });
    expect(preview.rows.map((r) => [r.row, r.ok])).toEqual([[2, true], [3, true], [4, false], [5, false], [6, false], [7, true]]);
    expect((await t.api.get('/api/devices/imp-a')).status).toBe(404);

    const res = await t.api.ok<ImportAnswer>('POST', '/api/devices/import', { csv });
    expect(res).toMatchObject({ dryRun: false, created: 3, failed: 3 });
    expect(res.rows[2]).toMatchObject({ row: 4, ok: false, error: expect.stringContaining('no-such-site') });
    expect(res.rows[3]).toMatchObject({ row: 5, ok: false, error: expect.stringContaining('scanner') });
    expect(res.rows[4]).toMatchObject({ row: 6, ok: false, deviceId: 'imp-a', error: expect.stringContaining('already exists') });
    expect(res.rows[5]).toMatchObject({ ok: true, deviceId: expect.stringMatching(/^btn-/) });
    expect(res.connection.mqtt[0]!.url).toBe(t.mqttUrl);

    const a = await t.api.ok('GET', '/api/devices/imp-a');
    expect(a).toMatchObject({ name: 'Till, front', kind: 'esp32', buttonCount: 2, heartbeatS: 3600, unmapped: false });
    expect(a.buttons.map((b: { categoryId: string }) => b.categoryId)).toEqual([printer.id, till.id]);
    expect(await t.api.ok('GET', '/api/devices/imp-b')).toMatchObject({ kind: 'pi', buttonCount: 1 });

    const secret = res.rows[0]!.secret!;
    const device = await connectDevice(t.mqttUrl, 'imp-a', secret);
    await device.press({ pressId: 'imp-1', button: 1 });
    expect(await device.ack('imp-1')).toMatchObject({ outcome: 'created' });
    const [ticket] = (await t.api.ok('GET', '/api/tickets?status=open&deviceId=imp-a')).items;
    expect(ticket.categoryId).toBe(till.id);
    await device.end();
  });

  it('takes the CSV itself as text/csv and refuses a file with an unknown column outright', async () => {
    await t.site({ code: 'gda-1' });
    const raw = await t.api.request<ImportAnswer>('POST', '/api/devices/import?dryRun=true', 'name,site\nKiosk,gda-1\n', { 'content-type': 'text/csv' });
    expect(raw.status).toBe(200);
    expect(raw.body.rows).toEqual([{ row: 2, ok: true, deviceId: null, name: 'Kiosk', site: 'gda-1' }]);

    const bad = await t.api.request('POST', '/api/devices/import', { csv: 'name,site,colour\nX,gda-1,red\n' });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('colour') });
    const unclosed = await t.api.request('POST', '/api/devices/import', { csv: 'name,site\n"Kiosk,gda-1\n' });
    expect(unclosed.status).toBe(400);
  });

  it('unmaps a button through the API: its presses go to triage and the device is flagged; a bad button number is refused', async () => {
    const site = await t.site();
    const category = await t.category();
    await t.device(site.id, [{ button: 0, categoryId: category.id }], { id: 'unmap-1' });
    expect(await t.api.ok('DELETE', '/api/devices/unmap-1/buttons/0')).toMatchObject({ unmapped: true, buttons: [] });
    expect((await t.api.delete('/api/devices/unmap-1/buttons/x')).status).toBe(400);
    expect((await t.api.delete('/api/devices/no-such-device/buttons/0')).status).toBe(404);
  });

  it('is for admins only', async () => {
    const site = await t.site();
    await t.api.ok('POST', '/api/users', { email: 'agent@import.test', name: 'Agent', role: 'agent', password: 'agent-pass-123' });
    const { Api } = await import('./helpers/api.ts');
    const agent = new Api(t.httpUrl);
    await agent.login('agent@import.test', 'agent-pass-123');
    expect((await agent.post('/api/devices/import', { csv: `name,site\nX,${site.code}\n` })).status).toBe(403);
  });

  it('estimates the battery days left from the reading after the last charge, kept by the sweep', async () => {
    const { device: provisioned, credentials } = await t.device((await t.site()).id, [], { id: 'bat-1' });
    const device = await connectDevice(t.mqttUrl, credentials.username, credentials.password);
    const telemetry = (pct: number) => device.client.publishAsync(topicFor(provisioned.id, 'telemetry'), JSON.stringify({ v: 1, batteryPct: pct }), { qos: 1 });
    const { db } = t.system.database;
    const reference = async () => (await db.select().from(devices).where(eq(devices.id, 'bat-1')))[0]!;

    await telemetry(90);
    await waitFor(async () => (await reference()).batteryRefPct === 90, 10_000, 'the sweep to take the first reading as reference');
    expect((await t.api.ok('GET', '/api/devices/bat-1')).batteryDaysLeft).toBeNull(); // not a day yet

    // The reference reading is ten days old (moved back in time: the test cannot wait ten days).
    const tenDaysAgo = new Date(Date.now() - 10 * 86_400_000);
    await db.update(devices).set({ batteryRefAt: tenDaysAgo }).where(eq(devices.id, 'bat-1'));
    await telemetry(80);
    const estimate = await waitFor(async () => {
      const d = await t.api.ok('GET', '/api/devices/bat-1');
      return d.batteryPct === 80 ? (d.batteryDaysLeft as number | null) : undefined;
    }, 10_000, 'the 80 % reading');
    expect(estimate).toBeCloseTo(80, 1); // 10 points in 10 days: 80 days left
    expect((await t.api.ok('GET', '/api/devices')).items.find((d: { id: string }) => d.id === 'bat-1').batteryDaysLeft).toBeCloseTo(80, 1);

    // New batteries: the level rose by five points or more, so the sweep measures anew.
    await telemetry(99);
    await waitFor(async () => (await reference()).batteryRefPct === 99, 10_000, 'a new reference after the swap');
    expect((await t.api.ok('GET', '/api/devices/bat-1')).batteryDaysLeft).toBeNull();
    await device.end();
  });
});
