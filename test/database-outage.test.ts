/**
 * The durability rule (design §2): a press is acknowledged only after it is committed. With
 * the database unreachable the device gets no PUBACK and no ack, keeps the press and retries;
 * when the database returns, the retried press yields exactly one ticket.
 * Runs on PostgreSQL through a TCP proxy that the test cuts; PGlite is in-process and cannot
 * become unreachable, so there is nothing to cut there.
 */
import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { topicFor } from '../gateway/src/mqtt/contract.ts';
import { POSTGRES_URL } from './helpers/databases.ts';
import { waitFor } from './helpers/device.ts';
import { startTestSystem, type TestSystem } from './helpers/system.ts';
import { proxiedScratchDatabase, type TcpProxy } from './helpers/tcp-proxy.ts';

describe.skipIf(!POSTGRES_URL)('database outage while a device presses (PostgreSQL)', () => {
  let t: TestSystem;
  let proxy: TcpProxy;
  let database: Awaited<ReturnType<typeof proxiedScratchDatabase>>;
  let device: mqtt.MqttClient | undefined;
  beforeAll(async () => {
    database = await proxiedScratchDatabase(POSTGRES_URL!);
    proxy = database.proxy;
    t = await startTestSystem({ name: 'pglite' }, { DATABASE_URL: database.url });
  });
  afterAll(async () => {
    await t?.stop(); // with the device still connected and reconnecting: shutdown must not wait for it
    await device?.endAsync(true);
    await database?.release();
  });

  it('withholds PUBACK and ack while the database is down, then records the retried press once', async () => {
    const { credentials, site } = await t.connectedDevice();
    // A real device client: QoS 1, a persistent session (acks wait for it while it is away),
    // reconnecting and resending its unacknowledged publish.
    device = await mqtt.connectAsync(t.mqttUrl, {
      clientId: credentials.username, username: credentials.username, password: credentials.password,
      protocolVersion: 4, reconnectPeriod: 300, clean: false,
    });
    const acks: string[] = [];
    device.on('message', (_topic, payload) => acks.push(payload.toString()));
    await device.subscribeAsync(topicFor(credentials.username, 'ack'), { qos: 1 });

    await proxy.cut();
    let pubacked = false;
    const publish = device.publishAsync(topicFor(credentials.username, 'press'), JSON.stringify({ v: 1, pressId: 'outage-1', seq: 1 }), { qos: 1 })
      .then(() => (pubacked = true));
    await waitFor(() => t.logged(/press not committed/).length > 0 || undefined, 20_000, 'the failed commit');
    expect(pubacked).toBe(false);
    expect(acks).toEqual([]);

    await proxy.restore();
    await publish; // MQTT.js resent it after reconnecting; the PUBACK came after the commit
    expect(pubacked).toBe(true);
    await waitFor(() => acks.length > 0 || undefined, 10_000, 'the ack');
    expect(JSON.parse(acks[0]!)).toMatchObject({ pressId: 'outage-1', outcome: 'created' });

    const tickets = (await t.api.ok('GET', `/api/tickets?siteId=${site.id}`)).items;
    expect(tickets).toHaveLength(1);
    const detail = await t.api.ok('GET', `/api/tickets/${tickets[0].id}`);
    expect(detail.presses).toHaveLength(1);
  });
});
