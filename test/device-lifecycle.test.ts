/**
 * A device's life as the admin and the broker see it: presence with the will, MQTT over
 * WebSocket and TLS, remapping a button, rotating the secret.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { topicFor } from '../gateway/src/mqtt/contract.ts';
import { testDatabases } from './helpers/databases.ts';
import { connectDevice, waitFor } from './helpers/device.ts';
import { startTestSystem, type TestSystem } from './helpers/system.ts';

function selfSignedCert(): { dir: string; cert: string; key: string } | null {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dash-tls-'));
  try {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=localhost',
      '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem')], { stdio: 'ignore' });
    return { dir, cert: path.join(dir, 'cert.pem'), key: path.join(dir, 'key.pem') };
  } catch {
    rmSync(dir, { recursive: true, force: true });
    console.warn('openssl not found: the MQTT-over-TLS test is skipped');
    return null;
  }
}

describe.each(testDatabases())('device lifecycle on $name', (db) => {
  let t: TestSystem;
  const tls = selfSignedCert();
  beforeAll(async () => {
    t = await startTestSystem(db, tls ? { MQTTS_PORT: '0', TLS_CERT: tls.cert, TLS_KEY: tls.key } : {});
  });
  afterAll(async () => {
    await t?.stop();
    if (tls) rmSync(tls.dir, { recursive: true, force: true });
  });

  it('shows presence from $state, and lost when the connection dies without a goodbye', async () => {
    const { device } = await t.connectedDevice();
    await device.client.publishAsync(topicFor(device.id, '$state'), 'ready', { qos: 1, retain: true });
    await waitFor(async () => (await t.api.ok('GET', `/api/devices/${device.id}`)).state === 'ready' || undefined);
    device.client.stream.destroy(); // power cut: the broker publishes the will
    const lost = await waitFor(async () => {
      const d = await t.api.ok('GET', `/api/devices/${device.id}`);
      return d.state === 'lost' ? d : undefined;
    });
    expect(Date.parse(lost.lastSeenAt)).toBeGreaterThan(Date.now() - 60_000);
    await device.end();
  });

  it('keeps the latest telemetry as the device snapshot', async () => {
    const { device } = await t.connectedDevice();
    for (const batteryPct of [90, 80, 70]) {
      await device.client.publishAsync(topicFor(device.id, 'telemetry'), JSON.stringify({ v: 1, batteryPct, rssi: -70, pending: 2 }), { qos: 1 });
    }
    const d = await waitFor(async () => {
      const row = await t.api.ok('GET', `/api/devices/${device.id}`);
      return row.batteryPct === 70 ? row : undefined;
    });
    expect(d).toMatchObject({ rssi: -70, pending: 2 });
    await device.end();
  });

  it('takes presses over WebSocket at /mqtt', async () => {
    const site = await t.site();
    const category = await t.category();
    const { credentials } = await t.device(site.id, [{ button: 0, categoryId: category.id }]);
    const device = await connectDevice(`ws://127.0.0.1:${t.system.httpPort}/mqtt`, credentials.username, credentials.password);
    await device.press({ pressId: 'ws-1' });
    expect((await device.ack('ws-1')).outcome).toBe('created');
    await device.end();
  });

  it.skipIf(!tls)('takes presses over TLS', async () => {
    const site = await t.site();
    const category = await t.category();
    const { credentials } = await t.device(site.id, [{ button: 0, categoryId: category.id }]);
    const device = await connectDevice(`mqtts://127.0.0.1:${t.system.mqttsPort}`, credentials.username, credentials.password, {
      ca: readFileSync(tls!.cert), servername: 'localhost',
    });
    await device.press({ pressId: 'tls-1' });
    expect((await device.ack('tls-1')).outcome).toBe('created');
    await device.end();
  });

  it('sends the next press to the category a button was remapped to', async () => {
    const { device } = await t.connectedDevice();
    const other = await t.category({ name: 'Cash register' });
    await t.api.ok('PUT', `/api/devices/${device.id}/buttons/0`, { categoryId: other.id });
    // The button learns its new label from the retained config downlink.
    const config = await waitFor(() => device.received.find((m) => m.topic.endsWith('/config') && m.payload.includes('Cash register')));
    expect(JSON.parse(config.payload)).toEqual({ buttons: [{ button: 0, label: 'Cash register', color: 'blue' }], holdMs: 1500, doubleMs: 400, heartbeatS: 21_600 }); // battery buttons check in every 6 h
    await device.press({ pressId: 'remap-1' });
    const ack = await device.ack('remap-1');
    expect((await t.api.ok('GET', `/api/tickets/${ack.ticketNumber}`)).categoryId).toBe(other.id);
    await device.end();
  });

  it('rotating the secret disconnects the device, refuses the old secret and accepts the new one', async () => {
    const { device, credentials } = await t.connectedDevice();
    const closed = new Promise<void>((resolve) => device.client.once('close', () => resolve()));
    const { credentials: fresh } = await t.api.ok('POST', `/api/devices/${device.id}/rotate-secret`);
    await closed;
    const refused = await mqtt.connectAsync(t.mqttUrl, { clientId: device.id, username: device.id, password: credentials.password, protocolVersion: 4, reconnectPeriod: 0 })
      .then((c) => c.endAsync().then(() => null), (err: Error & { code?: number }) => err);
    expect(refused?.code).toBe(5);
    const again = await connectDevice(t.mqttUrl, fresh.username, fresh.password);
    await again.press({ pressId: 'rot-1' });
    expect((await again.ack('rot-1')).outcome).toMatch(/created|merged/);
    await Promise.all([again.end(), device.end()]);
  });
});
