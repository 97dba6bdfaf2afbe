/**
 * Device health as tickets: a mains device lost beyond the grace period, a battery under
 * 20 %; one open ticket per device and cause, resolved by itself when the cause goes away.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { topicFor } from '../gateway/src/mqtt/contract.ts';
import { testDatabases } from './helpers/databases.ts';
import { connectDevice, waitFor } from './helpers/device.ts';
import { startTestSystem, type TestSystem } from './helpers/system.ts';

describe.each(testDatabases())('device health on $name', (db) => {
  let t: TestSystem;
  beforeAll(async () => {
    // Sweep every second; mains devices are "offline" after 1.2 s lost.
    t = await startTestSystem(db, { HEALTH_SWEEP_S: '1', LOST_GRACE_MIN: '0.02' });
  });
  afterAll(async () => {
    await t?.stop();
  });

  const healthTickets = async (deviceId: string) =>
    (await t.api.ok('GET', `/api/tickets?deviceId=${deviceId}`)).items.filter((x: { source: string }) => x.source === 'device_health');

  it('opens one offline ticket per lost mains device, and resolves it when the device is back', async () => {
    const site = await t.site();
    const category = await t.category();
    const a = await t.device(site.id, [{ button: 0, categoryId: category.id }], { kind: 'pi' });
    const b = await t.device(site.id, [{ button: 0, categoryId: category.id }], { kind: 'pi' });
    for (const d of [a, b]) {
      const device = await connectDevice(t.mqttUrl, d.credentials.username, d.credentials.password);
      await device.client.publishAsync(topicFor(device.id, '$state'), 'ready', { qos: 1, retain: true });
      device.client.stream.destroy(); // unplugged by the cleaner: the will says `lost`
    }
    const [ticketA] = await waitFor(async () => {
      const list = await healthTickets(a.device.id);
      return list.length ? list : undefined;
    }, 15_000, 'the offline ticket');
    expect(ticketA).toMatchObject({ healthCause: 'offline', status: 'new', siteId: site.id });
    await waitFor(async () => ((await healthTickets(b.device.id)).length ? true : undefined), 15_000, 'the second device\'s ticket');
    await new Promise((r) => setTimeout(r, 2500)); // more sweeps: still one ticket each
    expect(await healthTickets(a.device.id)).toHaveLength(1);

    const back = await connectDevice(t.mqttUrl, a.credentials.username, a.credentials.password);
    await back.client.publishAsync(topicFor(back.id, '$state'), 'ready', { qos: 1, retain: true });
    await waitFor(async () => ((await healthTickets(a.device.id))[0].status === 'resolved' ? true : undefined), 15_000, 'the automatic resolve');
    await back.end();
  });

  it('opens a battery ticket under 20 % and resolves it after a battery change', async () => {
    const { device } = await t.connectedDevice();
    await device.client.publishAsync(topicFor(device.id, 'telemetry'), JSON.stringify({ v: 1, batteryPct: 15 }), { qos: 1 });
    await waitFor(async () => ((await healthTickets(device.id)).some((x: { healthCause: string }) => x.healthCause === 'battery_low') ? true : undefined), 15_000, 'the battery ticket');
    await device.client.publishAsync(topicFor(device.id, 'telemetry'), JSON.stringify({ v: 1, batteryPct: 98 }), { qos: 1 });
    await waitFor(async () => ((await healthTickets(device.id))[0].status === 'resolved' ? true : undefined), 15_000, 'the automatic resolve');
    await device.end();
  });
});
