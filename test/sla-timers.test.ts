/**
 * SLA timers with short targets on a 24×7 calendar: reminders and breaches fire on time,
 * once, across a restart and with two servers on one database; acknowledging stops them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POSTGRES_URL, testDatabases } from './helpers/databases.ts';
import { waitFor } from './helpers/device.ts';
import { startTestSystem, type TestSystem } from './helpers/system.ts';

/** Targets in business minutes: 0.05 = 3 s; the reminder at 50 %. */
const SECONDS = (s: number) => s / 60;
function policy(name: string, categoryId: string, responseS: number, resolutionS: number) {
  const target = { responseMinutes: SECONDS(responseS), resolutionMinutes: SECONDS(resolutionS) };
  return { name, order: 1, conditions: { categoryIds: [categoryId] }, targets: { P1: target, P2: target, P3: target, P4: target }, reminderPercents: [50] };
}
type Event = { type: string; at: string; data: { target?: string; percent?: number; dueAt?: string } };
const slaEvents = async (t: TestSystem, ref: string): Promise<Event[]> =>
  (await t.api.ok('GET', `/api/tickets/${ref}`)).timeline.filter((e: Event) => e.type.startsWith('sla_'));

describe.each(testDatabases())('SLA timers on $name', (db) => {
  let t: TestSystem;
  beforeAll(async () => {
    t = await startTestSystem(db, {}, { persistent: true });
  });
  afterAll(async () => {
    await t?.stop();
  });

  async function pressedTicket(responseS: number, resolutionS: number) {
    const { device, category } = await t.connectedDevice();
    await t.api.ok('POST', '/api/sla-policies', policy(`fast-${category.id}`, category.id, responseS, resolutionS));
    await device.press({ pressId: `p-${category.id}` });
    const { ticketNumber } = await device.ack(`p-${category.id}`);
    await device.end();
    return ticketNumber!;
  }

  it('fires the reminder at 50 % and the breach at 100 %, each within a second of its due time', async () => {
    const ref = await pressedTicket(3, 600);
    const ticket = await t.api.ok('GET', `/api/tickets/${ref}`);
    const opened = Date.parse(ticket.openedAt);
    expect(Date.parse(ticket.responseDueAt) - opened).toBe(3000);
    const events = await waitFor(async () => {
      const e = await slaEvents(t, ref);
      return e.some((x) => x.type === 'sla_breach') ? e : undefined;
    }, 15_000, 'the breach');
    const reminder = events.find((e) => e.type === 'sla_reminder')!;
    const breach = events.find((e) => e.type === 'sla_breach')!;
    expect(reminder.data).toMatchObject({ target: 'response', percent: 50 });
    expect(Date.parse(reminder.at) - (opened + 1500)).toBeGreaterThanOrEqual(0);
    expect(Date.parse(reminder.at) - (opened + 1500)).toBeLessThan(1000);
    expect(Date.parse(breach.at) - (opened + 3000)).toBeGreaterThanOrEqual(0);
    expect(Date.parse(breach.at) - (opened + 3000)).toBeLessThan(1000);
    expect((await t.api.ok('GET', `/api/tickets/${ref}`)).responseBreached).toBe(true);
  });

  it('stops the response timers when the ticket is acknowledged', async () => {
    const ref = await pressedTicket(3, 600);
    await t.api.ok('POST', `/api/tickets/${ref}/acknowledge`);
    await new Promise((r) => setTimeout(r, 4000)); // past the response due time
    expect(await slaEvents(t, ref)).toEqual([]);
    expect((await t.api.ok('GET', `/api/tickets/${ref}`)).responseBreached).toBe(false);
  });

  it('fires exactly once when the server restarts between creation and due time', async () => {
    const ref = await pressedTicket(8, 600);
    await t.restart();
    const events = await waitFor(async () => {
      const e = await slaEvents(t, ref);
      return e.some((x) => x.type === 'sla_breach') ? e : undefined;
    }, 20_000, 'the breach after the restart');
    await new Promise((r) => setTimeout(r, 1000));
    expect((await slaEvents(t, ref)).map((e) => e.type)).toEqual(['sla_reminder', 'sla_breach']);
    expect(events).toHaveLength(2);
  });

  it.skipIf(db.name !== 'postgres' || !POSTGRES_URL)('fires exactly once with two servers on one database', async () => {
    await t.peer();
    const ref = await pressedTicket(3, 600);
    await waitFor(async () => ((await slaEvents(t, ref)).some((x) => x.type === 'sla_breach') ? true : undefined), 15_000, 'the breach');
    await new Promise((r) => setTimeout(r, 1000));
    expect((await slaEvents(t, ref)).map((e) => e.type)).toEqual(['sla_reminder', 'sla_breach']);
  });

  it('explains the SLA: the matched policy, the skipped ones and the computation', async () => {
    const other = await t.category({ name: 'Network' });
    await t.api.ok('POST', '/api/sla-policies', { ...policy('network first', other.id, 60, 600), order: 0 });
    const ref = await pressedTicket(60, 600);
    const sla = await t.api.ok('GET', `/api/tickets/${ref}/sla`);
    expect(sla.policy.name).toMatch(/^fast-/);
    const skipped = sla.skipped.find((s: { name: string }) => s.name === 'network first');
    expect(skipped.reasons.join(' ')).toMatch(/category .* is not in \[Network\]/);
    expect(sla.calendar.timezone).toBe('Europe/Warsaw');
    expect(sla.computation.response).toBeDefined();
  });
});
