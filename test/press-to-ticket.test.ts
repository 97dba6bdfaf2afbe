import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { topicFor } from '../gateway/src/mqtt/contract.ts';
import { testDatabases } from './helpers/databases.ts';
import { connectDevice, waitFor } from './helpers/device.ts';
import { startTestSystem, type TestSystem } from './helpers/system.ts';

describe.each(testDatabases())('press → ticket on $name', (db) => {
  let t: TestSystem;
  beforeAll(async () => {
    t = await startTestSystem(db);
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('opens a ticket with the site, category, press time and device snapshot, and acks the device', async () => {
    const { site, category, device } = await t.connectedDevice();
    await device.client.publishAsync(topicFor(device.id, 'telemetry'), JSON.stringify({ v: 1, batteryPct: 81, rssi: -61, fw: '1.2.0', extra: { printer: 'paper_out' } }), { qos: 1 });
    const pressedAt = Date.now() - 1500;
    await device.press({ pressId: 'boot1-1', pressedAt });
    const ack = await device.ack('boot1-1');
    expect(ack).toMatchObject({ pressId: 'boot1-1', outcome: 'created', ticketNumber: expect.stringMatching(/^INC-\d{6}$/) });

    const detail = await t.api.ok('GET', `/api/tickets/${ack.ticketNumber}`);
    expect(detail).toMatchObject({
      status: 'new', priority: 'P3', source: 'button', siteId: site.id, categoryId: category.id, deviceId: device.id,
      openedAt: new Date(pressedAt).toISOString(), pressCount: 1,
      snapshot: { batteryPct: 81, rssi: -61, fw: '1.2.0', extra: { printer: 'paper_out' } },
    });
    expect(detail.presses).toHaveLength(1);
    expect(detail.timeline.map((e: { type: string }) => e.type)).toEqual(['created']);
    await device.end();
  });

  it('takes the widest values the contract allows: a UUID pressId, seq 2^53 − 1, a fractional battery', async () => {
    const { device } = await t.connectedDevice();
    await device.client.publishAsync(topicFor(device.id, 'telemetry'), JSON.stringify({ v: 1, batteryPct: 87.5 }), { qos: 1 });
    const pressId = '0b7f3c4e-6a1d-4f7e-9c2a-5d8e1f0a3b6c';
    await device.press({ pressId, seq: Number.MAX_SAFE_INTEGER });
    const ack = await device.ack(pressId);
    expect(ack.outcome).toBe('created');
    const detail = await t.api.ok('GET', `/api/tickets/${ack.ticketNumber}`);
    expect(detail.presses[0].seq).toBe(Number.MAX_SAFE_INTEGER);
    expect(detail.snapshot.batteryPct).toBe(87.5);
    await device.end();
  });

  it('records the same pressId sent three times once, in one ticket', async () => {
    const { device, site } = await t.connectedDevice();
    for (let i = 0; i < 3; i++) await device.press({ pressId: 'same-1' });
    await waitFor(() => device.received.filter((m) => m.topic.endsWith('/ack')).length >= 3 || undefined);
    const acks = device.received.filter((m) => m.topic.endsWith('/ack')).map((m) => JSON.parse(m.payload).outcome);
    expect(acks).toEqual(['created', 'duplicate', 'duplicate']);
    const list = await t.api.ok('GET', `/api/tickets?siteId=${site.id}`);
    expect(list.items).toHaveLength(1);
    const detail = await t.api.ok('GET', `/api/tickets/${list.items[0].id}`);
    expect(detail.presses).toHaveLength(1);
    expect(detail.pressCount).toBe(1);
    await device.end();
  });

  it('merges presses from two devices of the same site and category into one ticket', async () => {
    const site = await t.site();
    const category = await t.category();
    const a = await t.device(site.id, [{ button: 0, categoryId: category.id }]);
    const b = await t.device(site.id, [{ button: 0, categoryId: category.id }]);
    const da = await connectDevice(t.mqttUrl, a.credentials.username, a.credentials.password);
    const dbb = await connectDevice(t.mqttUrl, b.credentials.username, b.credentials.password);
    await da.press({ pressId: 'a-1' });
    expect((await da.ack('a-1')).outcome).toBe('created');
    await dbb.press({ pressId: 'b-1' });
    const merged = await dbb.ack('b-1');
    expect(merged.outcome).toBe('merged');
    const detail = await t.api.ok('GET', `/api/tickets/${merged.ticketNumber}`);
    expect(detail.pressCount).toBe(2);
    expect(detail.presses.map((p: { deviceId: string }) => p.deviceId).sort()).toEqual([a.device.id, b.device.id].sort());
    await Promise.all([da.end(), dbb.end()]);
  });

  it('opens a new ticket once the previous one is closed', async () => {
    const { device, site } = await t.connectedDevice();
    await device.press({ pressId: 'c-1' });
    const first = await device.ack('c-1');
    // The close verb arrives with the ticket lifecycle; closing in the database is the same end state.
    const { tickets } = await import('../server/src/db/schema.ts');
    const { eq } = await import('drizzle-orm');
    await t.system.database.db.update(tickets).set({ status: 'closed', closedAt: new Date() }).where(eq(tickets.id, (await t.api.ok('GET', `/api/tickets/${first.ticketNumber}`)).id));
    await device.press({ pressId: 'c-2' });
    const second = await device.ack('c-2');
    expect(second.outcome).toBe('created');
    expect(second.ticketNumber).not.toBe(first.ticketNumber);
    expect((await t.api.ok('GET', `/api/tickets?siteId=${site.id}`)).items).toHaveLength(2);
    await device.end();
  });

  it('dates a queued press by its age: ageMs of 10 minutes opens the ticket 10 minutes ago', async () => {
    const { device } = await t.connectedDevice();
    const before = Date.now();
    await device.press({ pressId: 'q-1', ageMs: 10 * 60_000, queued: true });
    const ack = await device.ack('q-1');
    const after = Date.now();
    const opened = Date.parse((await t.api.ok('GET', `/api/tickets/${ack.ticketNumber}`)).openedAt);
    expect(opened).toBeGreaterThanOrEqual(before - 10 * 60_000);
    expect(opened).toBeLessThanOrEqual(after - 10 * 60_000);
    await device.end();
  });

  it('sends an unmapped button to triage and flags the device', async () => {
    const { device } = await t.connectedDevice();
    await device.press({ pressId: 'u-1', button: 3 });
    const ack = await device.ack('u-1');
    expect(ack.outcome).toBe('created');
    const ticket = await t.api.ok('GET', `/api/tickets/${ack.ticketNumber}`);
    const triage = (await t.api.ok('GET', '/api/categories?key=triage')).items[0];
    expect(ticket.categoryId).toBe(triage.id);
    expect((await t.api.ok('GET', `/api/devices/${device.id}`)).unmapped).toBe(true);
    await device.end();
  });

  it('raises the priority of a double press and cancels an unacknowledged ticket on hold', async () => {
    const { device } = await t.connectedDevice();
    await device.press({ pressId: 'd-1', action: 'double' });
    const ack = await device.ack('d-1');
    expect((await t.api.ok('GET', `/api/tickets/${ack.ticketNumber}`)).priority).toBe('P2');
    await device.press({ pressId: 'h-1', action: 'hold' });
    expect((await device.ack('h-1')).outcome).toBe('cancelled');
    expect((await t.api.ok('GET', `/api/tickets/${ack.ticketNumber}`)).status).toBe('cancelled');
    await device.end();
  });

  it('rejects presses over the per-device rate limit without touching tickets', async () => {
    const { device } = await t.connectedDevice();
    for (let i = 0; i < 31; i++) await device.press({ pressId: `r-${i}` });
    const last = await device.ack('r-30');
    expect(last).toMatchObject({ outcome: 'rejected', reason: 'rate_limited' });
    const first = await device.ack('r-0');
    expect((await t.api.ok('GET', `/api/tickets/${first.ticketNumber}`)).pressCount).toBe(30);
    await device.end();
  });

  it('streams the new ticket to an SSE client', async () => {
    const { device } = await t.connectedDevice();
    const res = await fetch(`${t.httpUrl}/api/events`, { headers: { cookie: (t.api as unknown as { cookie: string }).cookie } });
    expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
    const reader = res.body!.getReader();
    let text = '';
    await device.press({ pressId: 's-1' });
    const ack = await device.ack('s-1');
    await waitFor(async () => {
      const { value } = await reader.read();
      text += new TextDecoder().decode(value);
      return text.includes(ack.ticketNumber!) || undefined;
    });
    expect(text).toMatch(/event: ticket\.created/);
    await reader.cancel();
    await device.end();
  });
});
