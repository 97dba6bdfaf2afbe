/**
 * The desk works a ticket: acknowledge, pend, resume, resolve, reopen, close; each step on the
 * timeline, invalid steps refused with the allowed ones named, and the reporting button's LED
 * following along (received → acknowledged → resolved → off).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { topicFor } from '../gateway/src/mqtt/contract.ts';
import { testDatabases } from './helpers/databases.ts';
import { connectDevice, waitFor } from './helpers/device.ts';
import { startTestSystem, type TestSystem } from './helpers/system.ts';

describe.each(testDatabases())('ticket lifecycle on $name', (db) => {
  let t: TestSystem;
  beforeAll(async () => {
    // A confirm window of 3 seconds, so "LED off" after it can be seen.
    t = await startTestSystem(db, { CONFIRM_WINDOW_MIN: '0.05' });
  });
  afterAll(async () => {
    await t?.stop();
  });

  const leds = (device: { received: { topic: string; payload: string }[]; id: string }) =>
    device.received.filter((m) => m.topic === topicFor(device.id, 'led/set')).map((m) => JSON.parse(m.payload).pattern);

  it('drives the LED of the reporting button through received, acknowledged, resolved and off', async () => {
    const { device } = await t.connectedDevice();
    await device.press({ pressId: 'led-1' });
    const { ticketNumber } = await device.ack('led-1');
    await waitFor(() => leds(device).includes('received') || undefined);
    await t.api.ok('POST', `/api/tickets/${ticketNumber}/acknowledge`);
    await waitFor(() => leds(device).includes('acknowledged') || undefined);
    await t.api.ok('POST', `/api/tickets/${ticketNumber}/resolve`, { note: 'paper refilled' });
    await waitFor(() => leds(device).includes('resolved') || undefined);
    await waitFor(() => leds(device).at(-1) === 'off' || undefined, 10_000, 'LED off after the confirm window');
    expect(leds(device)).toEqual(['received', 'acknowledged', 'resolved', 'off']);
    await device.end();
  });

  it('shows the ticket state on a second button that merges into it, and tells the first button nothing new', async () => {
    const { site, category, device: first } = await t.connectedDevice();
    const { credentials } = await t.device(site.id, [{ button: 0, categoryId: category.id }]);
    const second = await connectDevice(t.mqttUrl, credentials.username, credentials.password);
    await first.press({ pressId: 'two-1' });
    const { ticketNumber } = await first.ack('two-1');
    await t.api.ok('POST', `/api/tickets/${ticketNumber}/acknowledge`);
    await waitFor(() => leds(first).includes('acknowledged') || undefined);
    await second.press({ pressId: 'two-2' });
    expect(await second.ack('two-2')).toMatchObject({ outcome: 'merged', ticketNumber });
    await waitFor(() => leds(second).includes('acknowledged') || undefined);
    await t.api.ok('POST', `/api/tickets/${ticketNumber}/resolve`, { note: 'fixed' });
    await waitFor(() => (leds(first).includes('resolved') && leds(second).includes('resolved')) || undefined);
    // ('off' follows each after the confirm window.)
    expect(leds(second).slice(0, 2)).toEqual(['acknowledged', 'resolved']);
    expect(leds(first).slice(0, 3)).toEqual(['received', 'acknowledged', 'resolved']);
    await Promise.all([first.end(), second.end()]);
  });

  it('records every step on the timeline and refuses invalid ones, naming the allowed verbs', async () => {
    const { device } = await t.connectedDevice();
    await device.press({ pressId: 'tl-1' });
    const { ticketNumber } = await device.ack('tl-1');
    const refused = await t.api.post(`/api/tickets/${ticketNumber}/resume`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toBe('cannot resume a ticket that is new; allowed now: acknowledge, start, pend, resolve, cancel');

    await t.api.ok('POST', `/api/tickets/${ticketNumber}/start`);
    const pending = await t.api.ok('POST', `/api/tickets/${ticketNumber}/pend`, { note: 'waiting for the printer vendor' });
    expect(pending.status).toBe('pending');
    await t.api.ok('POST', `/api/tickets/${ticketNumber}/resume`);
    await t.api.ok('POST', `/api/tickets/${ticketNumber}/comment`, { text: 'vendor replaced the fuser' });
    await t.api.ok('POST', `/api/tickets/${ticketNumber}/resolve`);
    await t.api.ok('POST', `/api/tickets/${ticketNumber}/close`);
    const detail = await t.api.ok('GET', `/api/tickets/${ticketNumber}`);
    expect(detail.timeline.map((e: { type: string; toStatus: string | null }) => e.toStatus ?? e.type)).toEqual(
      ['new', 'in_progress', 'pending', 'in_progress', 'comment', 'resolved', 'closed'],
    );
    expect(detail.pauses).toHaveLength(1);
    expect(detail.acknowledgedAt).not.toBeNull(); // starting counts as the first response
    await device.end();
  });

  it('reopens a resolved ticket when its button is pressed again in the confirm window ("still broken")', async () => {
    const { device } = await t.connectedDevice();
    await device.press({ pressId: 'sb-1' });
    const { ticketNumber } = await device.ack('sb-1');
    await t.api.ok('POST', `/api/tickets/${ticketNumber}/resolve`);
    await device.press({ pressId: 'sb-2' });
    expect(await device.ack('sb-2')).toMatchObject({ outcome: 'reopened', ticketNumber });
    const detail = await t.api.ok('GET', `/api/tickets/${ticketNumber}`);
    expect(detail).toMatchObject({ status: 'in_progress', pressCount: 2, resolvedAt: null });
    expect(detail.timeline.some((e: { note: string | null }) => /still broken/.test(e.note ?? ''))).toBe(true);
    await device.end();
  });

  it('tells the agent the reporter says it is fixed when the button is held on an acknowledged ticket', async () => {
    const { device } = await t.connectedDevice();
    await device.press({ pressId: 'fx-1' });
    const { ticketNumber } = await device.ack('fx-1');
    await t.api.ok('POST', `/api/tickets/${ticketNumber}/acknowledge`);
    await device.press({ pressId: 'fx-2', action: 'hold' });
    expect((await device.ack('fx-2')).outcome).toBe('merged');
    const detail = await t.api.ok('GET', `/api/tickets/${ticketNumber}`);
    expect(detail.status).toBe('acknowledged');
    expect(detail.timeline.map((e: { type: string }) => e.type)).toContain('reporter_says_fixed');
    await device.end();
  });

  it('opens manual tickets, and refuses a second one for the same site and category', async () => {
    const site = await t.site();
    const category = await t.category();
    const created = await t.api.ok('POST', '/api/tickets', { siteId: site.id, categoryId: category.id, priority: 'P2', title: 'Till 3 shows error E42' });
    expect(created).toMatchObject({ source: 'manual', priority: 'P2', status: 'new' });
    const again = await t.api.post('/api/tickets', { siteId: site.id, categoryId: category.id });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toMatch(new RegExp(`${created.number} is already open`));
  });

  it('changes the priority and category, with the change on the timeline', async () => {
    const { device } = await t.connectedDevice();
    await device.press({ pressId: 'pc-1' });
    const { ticketNumber } = await device.ack('pc-1');
    const other = await t.category();
    const updated = await t.api.ok('PATCH', `/api/tickets/${ticketNumber}`, { priority: 'P1', categoryId: other.id });
    expect(updated).toMatchObject({ priority: 'P1', categoryId: other.id });
    const detail = await t.api.ok('GET', `/api/tickets/${ticketNumber}`);
    expect(detail.timeline.at(-1)).toMatchObject({ type: 'updated', data: { priority: { from: 'P3', to: 'P1' } } });
    await device.end();
  });
});
