/**
 * Split mode (design §1): `npm run server` and `npm run gateway` as separate parts on one
 * PostgreSQL; the gateway commits presses through the server's intake API with its token.
 */
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway, type GatewayProcess } from '../gateway/src/start-gateway.ts';
import { loadConfig } from '../server/src/config.ts';
import { startSystem, type System } from '../server/src/system.ts';
import { Api } from './helpers/api.ts';
import { createScratchDatabase, POSTGRES_URL } from './helpers/databases.ts';
import { connectDevice, waitFor } from './helpers/device.ts';

const TOKEN = 'gateway-token-for-tests-0123456789';
const ADMIN = { ADMIN_EMAIL: 'admin@dash.test', ADMIN_PASSWORD: 'admin-pass-123' };

function config(env: Record<string, string>, role: 'server' | 'gateway') {
  const loaded = loadConfig({ HOST: '127.0.0.1', HTTP_PORT: '0', MQTT_PORT: '0', MQTT_WS_PORT: '0', LOG_LEVEL: 'silent', ...env }, role);
  if (!loaded.ok) throw new Error(loaded.problems.join('\n'));
  return loaded.config;
}

describe.skipIf(!POSTGRES_URL)('split mode on PostgreSQL', () => {
  let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
  let server: System;
  let gateway: GatewayProcess;
  let api: Api;
  beforeAll(async () => {
    scratch = await createScratchDatabase(POSTGRES_URL!);
    const log = pino({ level: 'silent' });
    server = await startSystem({ config: config({ DATABASE_URL: scratch.url, GATEWAY_TOKEN: TOKEN, ...ADMIN }, 'server'), mode: 'server', log });
    const serverUrl = `http://127.0.0.1:${server.httpPort}`;
    gateway = await startGateway(config({ DATABASE_URL: scratch.url, GATEWAY_TOKEN: TOKEN, SERVER_URL: serverUrl }, 'gateway'), log);
    api = new Api(serverUrl);
    await api.login(ADMIN.ADMIN_EMAIL, ADMIN.ADMIN_PASSWORD);
  });
  afterAll(async () => {
    await gateway?.stop();
    await server?.stop();
    await scratch?.drop();
  });

  it('turns a press on the gateway into a ticket on the server', async () => {
    expect(server.mqttPort).toBeNull(); // the split server runs no broker
    const site = await api.ok('POST', '/api/sites', { code: 'split-1', name: 'Split' });
    const cat = await api.ok('POST', '/api/categories', { key: 'printer', name: 'Printer' });
    const { credentials } = await api.ok('POST', '/api/devices', { id: 'split-dev', name: 'B', siteId: site.id, buttons: [{ button: 0, categoryId: cat.id }] });
    const device = await connectDevice(`mqtt://127.0.0.1:${gateway.mqttPort}`, credentials.username, credentials.password);
    await device.client.publishAsync('dash/split-dev/telemetry', JSON.stringify({ v: 1, batteryPct: 64, extra: { printer: 'jammed' } }), { qos: 1 });
    await device.press({ pressId: 'sp-1' });
    const ack = await device.ack('sp-1');
    expect(ack).toMatchObject({ outcome: 'created', ticketNumber: 'INC-000001' });
    await device.press({ pressId: 'sp-1' }); // a retry after a lost ack
    const acks = await waitFor(() => {
      const all = device.received.filter((m) => m.topic.endsWith('/ack')).map((m) => JSON.parse(m.payload));
      return all.length >= 2 ? all : undefined;
    });
    expect(acks[1]).toMatchObject({ pressId: 'sp-1', outcome: 'duplicate', ticketNumber: 'INC-000001' });
    const detail = await api.ok('GET', '/api/tickets/INC-000001');
    expect(detail).toMatchObject({ deviceId: 'split-dev', source: 'button', pressCount: 1, snapshot: { batteryPct: 64, extra: { printer: 'jammed' } } });

    // The server has no broker: the LED downlink reaches the gateway through PostgreSQL.
    await api.ok('POST', '/api/tickets/INC-000001/acknowledge');
    const led = await waitFor(() => device.received.find((m) => m.topic === 'dash/split-dev/led/set' && m.payload.includes('acknowledged')));
    expect(JSON.parse(led.payload)).toEqual({ button: 0, pattern: 'acknowledged' });

    // Disabling the device on the server disconnects it from the gateway at once.
    const closed = new Promise<void>((resolve) => device.client.once('close', () => resolve()));
    await api.ok('PATCH', '/api/devices/split-dev', { disabled: true });
    await closed;
    await device.end();
  });

  it('refuses intake from a gateway with the wrong token', async () => {
    const res = await fetch(`http://127.0.0.1:${server.httpPort}/api/intake/presses`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer wrong-token' }, body: '{"presses":[]}',
    });
    expect(res.status).toBe(401);
  });
});
