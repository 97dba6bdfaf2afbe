import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { topicFor } from '../gateway/src/mqtt/contract.ts';
import { testDatabases } from './helpers/databases.ts';
import { waitFor } from './helpers/device.ts';
import { startTestSystem, type TestSystem } from './helpers/system.ts';

describe.each(testDatabases())('bad input on $name', (db) => {
  let t: TestSystem;
  let bystander: Awaited<ReturnType<TestSystem['connectedDevice']>>;
  beforeAll(async () => {
    t = await startTestSystem(db);
    bystander = await t.connectedDevice();
  });
  afterAll(async () => {
    await bystander?.device.end();
    await t?.stop();
  });

  /** After each misbehaviour, another device's press still makes a ticket. */
  async function brokerStillServes(pressId: string) {
    await bystander.device.press({ pressId });
    expect((await bystander.device.ack(pressId)).outcome).toMatch(/created|merged/);
  }
  const ticketCount = async () => (await t.api.ok('GET', '/api/tickets?limit=500')).items.length;

  it.each([
    ['malformed JSON', '{"v":1,"pressId":"m-1",', 'invalid_payload', 'm-1'],
    ['a press without pressId', JSON.stringify({ v: 1, seq: 1, button: 0, action: 'single' }), 'invalid_payload', ''],
    ['an unknown action', JSON.stringify({ v: 1, pressId: 'm-2', seq: 1, action: 'triple' }), 'invalid_payload', 'm-2'],
    ['a payload over 4 KiB', JSON.stringify({ v: 1, pressId: 'm-3', seq: 1, pad: 'x'.repeat(5000) }), 'payload_too_large', 'm-3'],
  ])('answers %s with a rejected ack and a log line, and opens no ticket', async (_what, payload, reason, pressId) => {
    const { device } = await t.connectedDevice();
    const before = await ticketCount();
    await device.client.publishAsync(topicFor(device.id, 'press'), payload, { qos: 1 });
    const ack = await device.ack(pressId);
    expect(ack).toMatchObject({ outcome: 'rejected', reason });
    expect(t.logs.some((l) => l.msg === 'payload rejected' && l.deviceId === device.id && l.reason === reason)).toBe(true);
    expect(await ticketCount()).toBe(before);
    expect(device.client.connected).toBe(true);
    await brokerStillServes(`ok-${reason}-${pressId}`);
    await device.end();
  });

  it('closes a connection that announces an oversized packet, and keeps serving others', async () => {
    const { device } = await t.connectedDevice();
    const closed = new Promise<void>((resolve) => device.client.once('close', () => resolve()));
    device.client.publish(topicFor(device.id, 'press'), Buffer.alloc(200 * 1024, 'x'), { qos: 0 });
    await closed;
    await waitFor(() => t.logged(/oversized MQTT packet/).length > 0 || undefined);
    await brokerStillServes('ok-oversize');
    await device.end();
  });

  it.each([
    ['a topic outside the contract', (id: string) => `dash/${id}/nonsense`],
    ["another device's topic", (_id: string) => `dash/${'someone-else'}/press`],
    ['a downlink topic', (id: string) => `dash/${id}/ack`],
  ])('denies publishing to %s: the connection closes, nothing is recorded', async (_what, topic) => {
    const { device } = await t.connectedDevice();
    const before = await ticketCount();
    const closed = new Promise<void>((resolve) => device.client.once('close', () => resolve()));
    device.client.publish(topic(device.id), JSON.stringify({ v: 1, pressId: 'x-1', seq: 1 }), { qos: 1 });
    await closed;
    expect(t.logs.some((l) => /publish denied/.test(l.msg) && l.deviceId === device.id)).toBe(true);
    expect(await ticketCount()).toBe(before);
    await brokerStillServes(`ok-deny-${Math.random()}`);
    await device.end();
  });

  it("refuses a subscription to another device's topics", async () => {
    const { device } = await t.connectedDevice();
    await expect(device.client.subscribeAsync(`dash/${bystander.device.id}/#`, { qos: 1 })).rejects.toThrow(/Subscribe error/);
    expect(device.client.connected).toBe(true);
    expect(t.logs.some((l) => /subscribe denied/.test(l.msg) && l.deviceId === device.id)).toBe(true);
    await device.end();
  });

  it.each([
    ['a wrong password', (c: { username: string }) => ({ clientId: c.username, username: c.username, password: 'wrong' })],
    ['an unknown device', (_c: { username: string }) => ({ clientId: 'nobody-here', username: 'nobody-here', password: 'x' })],
    ['a clientId that differs from the username', (c: { username: string; password: string }) => ({ clientId: 'other-id', username: c.username, password: c.password })],
  ])('refuses CONNECT with %s as not authorized', async (_what, opts) => {
    const site = await t.site();
    const { credentials } = await t.device(site.id, []);
    const error = await mqtt.connectAsync(t.mqttUrl, { ...opts(credentials), protocolVersion: 4, reconnectPeriod: 0 }).then(
      (c) => c.endAsync().then(() => null), (err: Error & { code?: number }) => err,
    );
    expect(error?.code).toBe(5);
    expect(t.logged(/connect refused/).length).toBeGreaterThan(0);
  });

  it('refuses a disabled device and drops its live connection', async () => {
    const { device } = await t.connectedDevice();
    const closed = new Promise<void>((resolve) => device.client.once('close', () => resolve()));
    await t.api.ok('PATCH', `/api/devices/${device.id}`, { disabled: true });
    await closed;
    const error = await mqtt.connectAsync(t.mqttUrl, { clientId: device.id, username: device.id, password: 'whatever', protocolVersion: 4, reconnectPeriod: 0 })
      .then((c) => c.endAsync().then(() => null), (err: Error & { code?: number }) => err);
    expect(error?.code).toBe(5);
  });

  it('counts what it refused in /metrics for Prometheus', async () => {
    const res = await fetch(`${t.httpUrl}/metrics`);
    expect(res.headers.get('content-type')).toMatch(/text\/plain/);
    const text = await res.text();
    expect(text).toMatch(/^dash_payloads_rejected_total\{reason="invalid_payload"\} [1-9]/m);
    expect(text).toMatch(/^dash_connects_refused_total [1-9]/m);
    expect(text).toMatch(/^dash_presses_total [1-9]/m);
    expect(text).toMatch(/^process_cpu_seconds_total /m);
  });

  describe('HTTP', () => {
    it('answers a body that is not JSON with the VALIDATION envelope', async () => {
      const res = await t.api.request('POST', '/api/sites', '{not json', { 'content-type': 'application/json' });
      expect(res.status).toBe(400);
      expect(res.body).toEqual({ error: { code: 'VALIDATION', message: 'request body is not valid JSON', requestId: expect.any(String) } });
    });

    it('names every bad field', async () => {
      const res = await t.api.post('/api/sites', { code: 'Bad Code!', name: '', timezone: 'Mars/Olympus' });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION');
      expect(res.body.error.message).toMatch(/code: .*name: .*timezone: must be an IANA time zone/);
    });

    it('refuses unknown fields instead of ignoring them', async () => {
      const res = await t.api.post('/api/categories', { key: 'ok-key', name: 'Ok', colour: 'red' });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/colour/);
    });

    it('answers a duplicate site code with CONFLICT', async () => {
      const site = await t.site();
      const res = await t.api.post('/api/sites', { code: site.code, name: 'Again' });
      expect(res.status).toBe(409);
      expect(res.body.error).toMatchObject({ code: 'CONFLICT', message: 'a site with this code already exists' });
    });

    it('requires a login, and echoes the request id it was given', async () => {
      const res = await fetch(`${t.httpUrl}/api/tickets`, { headers: { 'x-request-id': 'trace-42' } });
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({ error: { code: 'UNAUTHORIZED', message: expect.any(String), requestId: 'trace-42' } });
    });

    it('answers unknown routes and ids with NOT_FOUND', async () => {
      expect((await t.api.get('/api/nothing-here')).body.error.code).toBe('NOT_FOUND');
      expect((await t.api.get('/api/tickets/INC-999999')).status).toBe(404);
      expect((await t.api.get('/api/sites/not-a-uuid')).status).toBe(404);
    });

    it('refuses intake without a token, and an intake batch off the contract', async () => {
      const anonymous = await fetch(`${t.httpUrl}/api/intake/presses`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      expect(anonymous.status).toBe(401);
      const res = await t.api.post('/api/intake/presses', { presses: [{ deviceId: bystander.device.id, press: { v: 2 } }] });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/presses\.0\.press\.v/);
    });

    it('refuses to delete a device with press history', async () => {
      const { device } = await t.connectedDevice();
      await device.press({ pressId: 'keep-1' });
      await device.ack('keep-1');
      await device.end();
      const res = await t.api.delete(`/api/devices/${device.id}`);
      expect(res.status).toBe(409);
      expect(res.body.error.message).toMatch(/disable it instead/);
    });
  });
});
