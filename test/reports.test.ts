/**
 * Reports on both databases: tickets worked through the real API (assign, acknowledge, pend,
 * resolve, reopen, ratings) whose times are then set to known instants in a past week through
 * the database handle (the API stamps "now"), presses from real MQTT buttons with press times
 * in the past, and device-health outages; then exact medians and p90s on both clocks, SLA
 * compliance, first-contact resolution, satisfaction, heatmap cells, uptime, load and CSV.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { categories, devices, ticketEvents, tickets } from '../server/src/db/schema.ts';
import { Api } from './helpers/api.ts';
import { sessionCookie } from './helpers/browser.ts';
import { testDatabases } from './helpers/databases.ts';
import { connectDevice } from './helpers/device.ts';
import { ADMIN, startTestSystem, type TestSystem } from './helpers/system.ts';

/** Warsaw local time in the week of Monday 2 March 2026 (CET, +01:00). */
const W = (dayAndTime: string) => new Date(`2026-03-${dayAndTime}:00+01:00`);
const WEEK = 'from=2026-03-01T00:00:00Z&to=2026-03-08T00:00:00Z';
const OFFICE = { start: '09:00', end: '17:00' };
const TARGET = { responseMinutes: 60, resolutionMinutes: 240 };
const PASSWORD = 'reports-pass-123';

/** Weekday (mon…sun) and hour of an instant in a zone, by Intl (not the Luxon code under test). */
function slot(at: Date, timeZone: string): { weekday: number; hour: number } {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'short', hour: '2-digit', hourCycle: 'h23' }).formatToParts(at);
  const weekday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(parts.find((p) => p.type === 'weekday')!.value);
  return { weekday, hour: Number(parts.find((p) => p.type === 'hour')!.value) };
}

describe.each(testDatabases())('reports on $name', (db) => {
  let t: TestSystem;
  let s1: any;
  let s2: any;
  let agentA: any;
  let agentB: any;
  const ids: Record<string, string> = {};
  const presses = { base: new Date(0), tehran: new Date(0) };

  beforeAll(async () => {
    t = await startTestSystem(db);
    const { api } = t;
    const office = await api.ok('POST', '/api/calendars', {
      name: 'Office', timezone: 'Europe/Warsaw', holidays: [],
      hours: { mon: [OFFICE], tue: [OFFICE], wed: [OFFICE], thu: [OFFICE], fri: [OFFICE], sat: [], sun: [] },
    });
    await api.ok('POST', '/api/sla-policies', { name: 'Desk', calendarId: office.id, targets: { P1: TARGET, P2: TARGET, P3: TARGET, P4: TARGET } });
    s1 = await t.site({ name: 'Warsaw Centre' });
    s2 = await t.site({ name: '=Tehran, "Bazaar"', timezone: 'Asia/Tehran' });
    const [c1, c2, c3] = [await t.category(), await t.category(), await t.category()];
    agentA = await api.ok('POST', '/api/users', { email: 'a@dash.test', name: 'Agent A', role: 'agent', password: PASSWORD, capacity: 4 });
    agentB = await api.ok('POST', '/api/users', { email: 'b@dash.test', name: 'Agent B', role: 'agent', password: PASSWORD, capacity: 2 });
    await api.ok('POST', '/api/users', { email: 'staff@dash.test', name: 'Staff', role: 'staff', password: PASSWORD, siteId: s1.id });
    await api.ok('POST', '/api/users', { email: 'boss@dash.test', name: 'Manager', role: 'manager', password: PASSWORD });

    const create = async (name: string, siteId: string, categoryId: string, steps: [string, unknown?][], extra = {}) => {
      const ticket = await api.ok('POST', '/api/tickets', { siteId, categoryId, title: name, ...extra });
      for (const [verb, body] of steps) await api.ok('POST', `/api/tickets/${ticket.id}/${verb}`, body ?? {});
      ids[name] = ticket.id;
    };
    await create('T1', s1.id, c1.id, [['assign', { assigneeId: agentA.id }], ['acknowledge'], ['resolve']]);
    await api.ok('POST', '/api/intake/feedback', { ticket: ids.T1, rating: 5 });
    await create('T2', s1.id, c1.id, [['assign', { assigneeId: agentA.id }], ['assign', { assigneeId: agentB.id }], ['acknowledge'], ['resolve']]);
    await api.ok('POST', '/api/intake/feedback', { ticket: ids.T2, rating: 1 });
    await api.ok('POST', '/api/intake/feedback', { ticket: ids.T2, rating: 3 });
    await create('T3', s1.id, c1.id, [['acknowledge'], ['pend'], ['resume'], ['resolve'], ['reopen'], ['resolve'], ['close']]);
    await create('T4', s1.id, c2.id, [['assign', { assigneeId: agentA.id }], ['acknowledge'], ['start']]);
    await create('T5', s1.id, c3.id, [['assign', { assigneeId: agentB.id }]]);
    await create('T6', s2.id, c1.id, [['acknowledge']], { priority: 'P1' });

    // The API stamps every step "now": put them at known instants of a past week.
    const d = t.system.database.db;
    const set = (name: string, v: Partial<typeof tickets.$inferInsert>) => d.update(tickets).set(v).where(eq(tickets.id, ids[name]!));
    const none = { pauses: [], responseBreached: false, resolutionBreached: false };
    await set('T1', { ...none, openedAt: W('02T09:00'), acknowledgedAt: W('02T09:10'), resolvedAt: W('02T10:00'), responseDueAt: W('02T10:00'), resolutionDueAt: W('02T13:00') });
    await set('T2', { ...none, openedAt: W('02T16:30'), acknowledgedAt: W('03T09:30'), resolvedAt: W('03T12:00'), responseDueAt: W('03T09:30'), resolutionDueAt: W('03T12:30') });
    await set('T3', {
      openedAt: W('03T09:00'), acknowledgedAt: W('03T11:00'), resolvedAt: W('03T15:00'), responseDueAt: W('03T10:00'), resolutionDueAt: W('03T14:00'),
      responseBreached: true, resolutionBreached: true, pauses: [{ from: W('03T12:00').toISOString(), to: W('03T13:00').toISOString() }],
    });
    await set('T4', { ...none, openedAt: W('04T10:00'), acknowledgedAt: W('04T10:20'), responseDueAt: W('04T11:00'), resolutionDueAt: W('04T14:00') });
    await set('T5', { ...none, openedAt: W('04T11:00'), responseDueAt: W('04T12:00'), resolutionDueAt: W('04T15:00'), responseBreached: true });
    await set('T6', { ...none, openedAt: W('05T09:00'), acknowledgedAt: W('05T09:05'), responseDueAt: null, resolutionDueAt: null });
    const [first] = await d.select().from(ticketEvents).where(eq(ticketEvents.ticketId, ids.T2!)).then((rows) => rows.filter((e) => e.type === 'feedback' && e.data?.rating === 1));
    await d.update(ticketEvents).set({ at: new Date(first!.at.getTime() - 60_000) }).where(eq(ticketEvents.id, first!.id));

    // Presses two days ago from real buttons: created, merged, and a hold that cancels (Warsaw); one in Tehran.
    const hour = 60 * 60_000;
    presses.base = new Date(Math.floor((Date.now() - 2 * 24 * hour) / hour) * hour + 10 * 60_000);
    presses.tehran = new Date(presses.base.getTime() + 20 * 60_000); // :30 UTC — Tehran is +03:30
    const [c4, c5] = [await t.category({ name: 'Printer' }), await t.category({ name: 'Till' })];
    const b1 = await t.device(s1.id, [{ button: 0, categoryId: c4.id }]);
    const b2 = await t.device(s2.id, [{ button: 0, categoryId: c5.id }]);
    ids.b1 = b1.device.id;
    ids.b2 = b2.device.id;
    const dev1 = await connectDevice(t.mqttUrl, b1.credentials.username, b1.credentials.password);
    const dev2 = await connectDevice(t.mqttUrl, b2.credentials.username, b2.credentials.password);
    const pressAt = async (dev: typeof dev1, pressId: string, at: Date, action: 'single' | 'hold' = 'single') => {
      await dev.press({ pressId, pressedAt: at.getTime(), action });
      return (await dev.ack(pressId)).outcome;
    };
    expect(await pressAt(dev1, 'w-1', presses.base)).toBe('created');
    expect(await pressAt(dev1, 'w-2', new Date(presses.base.getTime() + 60_000))).toBe('merged');
    expect(await pressAt(dev1, 'w-3', new Date(presses.base.getTime() + 120_000), 'hold')).toBe('cancelled');
    expect(await pressAt(dev2, 't-1', presses.tehran)).toBe('created');
    await dev1.end();
    await dev2.end();

    // Outages on 10 March: b1 down 144 of 1440 minutes (resolved), b2 down from noon on (unresolved).
    const [health] = await d.select().from(categories).where(eq(categories.key, 'device-health'));
    await d.update(devices).set({ createdAt: new Date('2026-03-01T00:00:00Z') });
    const outage = (deviceId: string, siteId: string, openedAt: Date, resolvedAt: Date | null) => d.insert(tickets).values({
      source: 'device_health', healthCause: 'offline', deviceId, siteId, categoryId: health!.id, priority: 'P3', title: `${deviceId} offline`,
      openedAt, resolvedAt, status: resolvedAt ? 'resolved' : 'new',
    });
    await outage(ids.b1!, s1.id, new Date('2026-03-10T06:00:00Z'), new Date('2026-03-10T08:24:00Z'));
    // Overlaps the first outage of b1 by an hour: counted once.
    await outage(ids.b1!, s1.id, new Date('2026-03-10T07:24:00Z'), new Date('2026-03-10T07:54:00Z'));
    await outage(ids.b2!, s2.id, new Date('2026-03-10T12:00:00Z'), null);
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('measures time to acknowledge and to resolve on the wall clock and on the business clock', async () => {
    const r = await t.api.ok('GET', `/api/reports/summary?${WEEK}`);
    expect(r.range).toEqual({ from: '2026-03-01T00:00:00.000Z', to: '2026-03-08T00:00:00.000Z' });
    expect(r.tickets).toBe(6);
    // Acknowledge, wall: 5, 10, 20, 120, 1020 (T2: Mon 16:30 → Tue 09:30). p90 = 120 + 0.6 × 900.
    expect(r.times.acknowledge.wall).toEqual({ count: 5, median: 20, p90: 660 });
    // Business (09–17): T2 is 30 + 30 = 60. Sorted 5, 10, 20, 60, 120: p90 = 60 + 0.6 × 60.
    expect(r.times.acknowledge.business).toEqual({ count: 5, median: 20, p90: 96 });
    // Resolve, wall: 60, 360, 1170; p90 = 360 + 0.8 × 810.
    expect(r.times.resolve.wall).toEqual({ count: 3, median: 360, p90: 1008 });
    // Business: T2 30 + 180 = 210; T3 360 less its hour pending = 300. p90 = 210 + 0.8 × 90.
    expect(r.times.resolve.business).toEqual({ count: 3, median: 210, p90: 282 });
  });

  it('computes SLA compliance, first-contact resolution, reopen rate and satisfaction', async () => {
    const r = await t.api.ok('GET', `/api/reports/summary?${WEEK}`);
    // Response: T1, T2 (exactly at due), T4 met; T3 late, T5 breached while open; T6 has no due time.
    expect(r.sla.response).toEqual({ met: 3, missed: 2, compliancePercent: 60, breaches: 2 });
    // Resolution: T1, T2 met, T3 breached; T4 and T5 still running.
    expect(r.sla.resolution).toEqual({ met: 2, missed: 1, compliancePercent: 66.7, breaches: 1 });
    // Resolved: T1, T2 (reassigned A → B), T3 (reopened): only T1 at first contact.
    expect(r.quality).toEqual({ resolved: 3, firstContact: 1, firstContactPercent: 33.3, everResolved: 3, reopened: 1, reopenPercent: 33.3 });
    // T2 was rated 1, then 3: its latest counts.
    expect(r.satisfaction).toEqual({ count: 2, average: 4, distribution: { 1: 0, 2: 0, 3: 1, 4: 0, 5: 1 } });
  });

  it('narrows by site and priority', async () => {
    const tehran = await t.api.ok('GET', `/api/reports/summary?${WEEK}&siteId=${s2.id}`);
    expect(tehran.tickets).toBe(1);
    expect(tehran.times.acknowledge.wall).toEqual({ count: 1, median: 5, p90: 5 });
    expect((await t.api.ok('GET', `/api/reports/summary?${WEEK}&priority=P1`)).tickets).toBe(1);
    expect((await t.api.ok('GET', `/api/reports/summary?${WEEK}&siteId=${s1.id}&priority=P1`)).tickets).toBe(0);
  });

  it('counts presses per site, category, outcome and local weekday × hour', async () => {
    const from = new Date(presses.base.getTime() - 60 * 60_000).toISOString();
    const r = await t.api.ok('GET', `/api/reports/summary?from=${from}`);
    expect(r.presses.bySite).toEqual([
      { siteId: s1.id, code: s1.code, name: 'Warsaw Centre', count: 3 },
      { siteId: s2.id, code: s2.code, name: '=Tehran, "Bazaar"', count: 1 },
    ]);
    expect(r.presses.byCategory.map((c: any) => [c.name, c.count])).toEqual([['Printer', 3], ['Till', 1]]);
    expect(r.presses).toMatchObject({ total: 4, accidental: 0, accidentalPercent: 0, cancelled: 1, cancelledPercent: 25, repeat: 1 });
    expect(r.presses.byOutcome).toEqual([
      { outcome: 'created', group: 'ticket', count: 2 }, { outcome: 'cancelled', group: 'cancelled', count: 1 }, { outcome: 'merged', group: 'repeat', count: 1 },
    ]);
    const warsaw = slot(presses.base, 'Europe/Warsaw');
    const tehran = slot(presses.tehran, 'Asia/Tehran');
    const cells: [number, number, number][] = [];
    r.presses.heatmap.forEach((hours: number[], d: number) => hours.forEach((n, h) => n && cells.push([d, h, n])));
    const expected = warsaw.weekday === tehran.weekday && warsaw.hour === tehran.hour
      ? [[warsaw.weekday, warsaw.hour, 4]]
      : [[warsaw.weekday, warsaw.hour, 3], [tehran.weekday, tehran.hour, 1]].sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!);
    expect(cells).toEqual(expected);
    const rows = (await t.api.ok('GET', `/api/reports/heatmap?from=${from}`)).rows as [string, number, number][];
    expect(rows).toHaveLength(7 * 24);
    expect(rows.filter((row) => row[2] > 0).reduce((n, row) => n + row[2], 0)).toBe(4);
  });

  it('gives each device its uptime from offline device-health tickets', async () => {
    const r = await t.api.ok('GET', '/api/reports/device-uptime?from=2026-03-10&to=2026-03-11');
    expect(r.columns).toEqual(['deviceId', 'deviceName', 'siteCode', 'observedMinutes', 'offlineMinutes', 'offlineTickets', 'uptimePercent']);
    expect(r.rows).toEqual([
      [ids.b2, expect.any(String), s2.code, 1440, 720, 1, 50],
      [ids.b1, expect.any(String), s1.code, 1440, 144, 2, 90],
    ]);
  });

  it('sets open tickets per agent against their capacity', async () => {
    const r = await t.api.ok('GET', '/api/reports/summary');
    const load = r.agents.filter((a: any) => a.userId === agentA.id || a.userId === agentB.id);
    expect(load).toEqual([
      { userId: agentB.id, name: 'Agent B', role: 'agent', available: true, openTickets: 1, capacity: 2, loadPercent: 50 },
      { userId: agentA.id, name: 'Agent A', role: 'agent', available: true, openTickets: 1, capacity: 4, loadPercent: 25 },
    ]);
  });

  it('exports every table as an RFC 4180 CSV download with formulas defused', async () => {
    const from = new Date(presses.base.getTime() - 60 * 60_000).toISOString();
    const res = await t.api.get(`/api/reports/presses-by-site?from=${encodeURIComponent(from)}&format=csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="dash-presses-by-site-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv"$/);
    // fetch's text() drops the byte-order mark: the raw bytes below show it is there.
    expect(res.body).toBe(`siteId,siteCode,siteName,presses\r\n${s1.id},${s1.code},Warsaw Centre,3\r\n${s2.id},${s2.code},"'=Tehran, ""Bazaar""",1\r\n`);
    const sla = await t.api.request('GET', `/api/reports/sla?${WEEK}`, undefined, { accept: 'text/csv' });
    expect(sla.body).toBe('target,met,missed,compliancePercent,breaches\r\nresponse,3,2,60,2\r\nresolution,2,1,66.7,1\r\n');
    for (const table of ['kpis', 'times', 'satisfaction', 'presses-by-category', 'heatmap', 'press-outcomes', 'device-uptime', 'agent-load']) {
      const answer = await t.api.request('GET', `/api/reports/${table}?format=csv`);
      expect(answer.status, table).toBe(200);
      expect(answer.headers.get('content-disposition'), table).toContain(`dash-${table}-`);
    }
    const raw = await fetch(`${t.httpUrl}/api/reports/kpis?format=csv`, { headers: { cookie: `dash_session=${await sessionCookie(t.httpUrl, ADMIN.email, ADMIN.password)}` } });
    expect([...new Uint8Array(await raw.arrayBuffer()).slice(0, 17)]).toEqual([0xef, 0xbb, 0xbf, ...Buffer.from('metric,value\r\n')]);
  });

  it('lets managers in and keeps agents and staff out', async () => {
    const as = async (email: string) => {
      const api = new Api(t.httpUrl);
      await api.login(email, PASSWORD);
      return api;
    };
    const manager = await as('boss@dash.test');
    expect((await manager.get(`/api/reports/summary?${WEEK}`)).body.tickets).toBe(6);
    for (const email of ['a@dash.test', 'staff@dash.test']) {
      const api = await as(email);
      for (const path of ['/api/reports/summary', '/api/reports/kpis?format=csv']) {
        const res = await api.get(path);
        expect(res.status, `${email} ${path}`).toBe(403);
        expect(res.body.error.code).toBe('FORBIDDEN');
      }
    }
    expect((await new Api(t.httpUrl).get('/api/reports/summary')).status).toBe(401);
  });

  it('refuses a bad query with VALIDATION and an unknown table with NOT_FOUND', async () => {
    for (const query of ['from=yesterday', 'to=2026-13-01T00:00:00Z', 'from=2026-03-08&to=2026-03-01', 'from=2024-01-01&to=2026-01-01', 'siteId=42', 'priority=P9', 'colour=red', 'format=csv']) {
      const res = await t.api.get(`/api/reports/summary?${query}`);
      expect(res.status, query).toBe(400);
      expect(res.body.error.code, query).toBe('VALIDATION');
    }
    expect((await t.api.get('/api/reports/kpis?format=xml')).status).toBe(400);
    const unknown = await t.api.get('/api/reports/nothing');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toContain('presses-by-site');
  });
});
