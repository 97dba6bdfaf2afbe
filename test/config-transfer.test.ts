/**
 * Configuration export and import (`GET|PUT /api/config`): a configured Dash exports one
 * document with natural keys and no secrets; a second, fresh Dash imports it (dry run first,
 * which writes nothing) and then exports the same configuration; the new devices' secrets and
 * the new people's temporary passwords work; bad documents change nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { topicFor } from '../gateway/src/mqtt/contract.ts';
import { Api } from './helpers/api.ts';
import { testDatabases } from './helpers/databases.ts';
import { connectDevice, waitFor } from './helpers/device.ts';
import { startTestSystem, type TestSystem } from './helpers/system.ts';

const TARGET = { responseMinutes: 30, resolutionMinutes: 240 };
const WEEKDAYS = [{ start: '09:00', end: '17:00' }];
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const withoutTime = ({ exportedAt: _, ...doc }: Record<string, unknown>) => doc;

describe.each(testDatabases())('configuration export and import on $name', (db) => {
  let source: TestSystem;
  let target: TestSystem;
  let exported: Record<string, any>;
  let webhookSecret: string;
  let till: Awaited<ReturnType<typeof connectDevice>> | undefined;

  beforeAll(async () => {
    [source, target] = [await startTestSystem(db), await startTestSystem(db)];
    const api = source.api;
    const calendar = await api.ok('POST', '/api/calendars', {
      name: 'Office hours', timezone: 'Europe/Warsaw',
      hours: { mon: WEEKDAYS, tue: WEEKDAYS, wed: WEEKDAYS, thu: WEEKDAYS, fri: WEEKDAYS, sat: [], sun: [] },
      holidays: [{ date: '2026-12-24', name: 'Wigilia', start: '13:00', end: '24:00' }],
    });
    const team = await api.ok('POST', '/api/teams', { name: 'Field desk', email: 'desk@shop.test' });
    const site = await api.ok('POST', '/api/sites', {
      code: 'waw-1', name: 'Warszawa Centrum', timezone: 'Europe/Warsaw', tier: 'gold', language: 'pl', calendarId: calendar.id,
      contacts: [{ name: 'Ola', phone: '+48 600 100 200' }],
    });
    await api.ok('POST', `/api/sites/${site.id}/status-link`);
    const agent = await api.ok('POST', '/api/users', { email: 'agent@shop.test', name: 'Ada Agent', role: 'agent', password: 'agent-pass-1', capacity: 4 });
    await api.ok('POST', '/api/users', { email: 'staff@shop.test', name: 'Stan Staff', role: 'staff', siteId: site.id, password: 'staff-pass-1' });
    await api.ok('PUT', `/api/teams/${team.id}/members`, { userIds: [agent.id] });
    const printer = await api.ok('POST', '/api/categories', { key: 'printer', name: 'Printer', defaultPriority: 'P2', teamId: team.id, kbArticle: 'Check the paper.' });
    await api.ok('POST', '/api/sla-policies', {
      name: 'Gold printers', order: 10, calendarId: calendar.id,
      conditions: { tiers: ['gold'], siteIds: [site.id], categoryIds: [printer.id] },
      targets: { P1: TARGET, P2: TARGET, P3: TARGET, P4: TARGET }, escalation: { userIds: [agent.id], emails: ['boss@shop.test'], repeatMinutes: 30 },
    });
    const triage = (await api.ok('GET', '/api/categories?key=triage')).items[0];
    await api.ok('POST', '/api/devices', {
      id: 'till-1', name: 'Till 1', siteId: site.id, kind: 'esp32',
      buttons: [{ button: 0, categoryId: printer.id, label: 'Printer', color: 'blue' }, { button: 1, categoryId: triage.id }],
    });
    webhookSecret = (await api.ok('POST', '/api/webhooks', { name: 'Chat', url: 'https://chat.example/hook', events: ['ticket.created'] })).secret;
    // Per-language names have no other route here yet: a partial import on the source sets them.
    await api.ok('PUT', '/api/config', { dash: 'config', version: 1, categories: [{ key: 'printer', name: 'Printer', names: { pl: 'Drukarka' }, kbArticles: { pl: 'Sprawdź papier.' } }] });
  }, 180_000); // two systems and scrypt-hashed passwords: slow on a busy 2-core machine
  afterAll(async () => {
    await till?.end();
    await source?.stop();
    await target?.stop();
  });

  it('exports one versioned document with natural keys and no secrets', async () => {
    const res = await source.api.get('/api/config');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="dash-config-\d{4}-\d{2}-\d{2}\.json"/);
    exported = res.body;
    const text = JSON.stringify(exported);
    expect(text).not.toMatch(UUID);
    for (const secret of ['passwordHash', 'secretHash', 'statusToken', 'secret', webhookSecret]) expect(text).not.toContain(secret);
    expect(exported).toMatchObject({ dash: 'config', version: 1, exportedAt: expect.any(String) });
    expect(exported.sites).toEqual([expect.objectContaining({ code: 'waw-1', calendar: 'Office hours', language: 'pl', tier: 'gold' })]);
    expect(exported.teams).toEqual([{ name: 'Field desk', email: 'desk@shop.test', members: ['agent@shop.test'] }]);
    expect(exported.categories.find((c: any) => c.key === 'printer')).toEqual({
      key: 'printer', name: 'Printer', names: { pl: 'Drukarka' }, defaultPriority: 'P2', team: 'Field desk', kbArticle: 'Check the paper.', kbArticles: { pl: 'Sprawdź papier.' },
    });
    expect(exported.users.find((u: any) => u.email === 'staff@shop.test')).toMatchObject({ role: 'staff', site: 'waw-1' });
    expect(exported.slaPolicies[0]).toMatchObject({
      name: 'Gold printers', calendar: 'Office hours', conditions: { tiers: ['gold'], sites: ['waw-1'], categories: ['printer'] },
      escalation: { users: ['agent@shop.test'], emails: ['boss@shop.test'], repeatMinutes: 30 },
    });
    expect(exported.devices).toEqual([expect.objectContaining({
      id: 'till-1', site: 'waw-1', buttons: [{ button: 0, category: 'printer', label: 'Printer', color: 'blue' }, { button: 1, category: 'triage', label: null, color: null }],
    })]);
    expect(exported.webhooks).toEqual([{ name: 'Chat', url: 'https://chat.example/hook', events: ['ticket.created'], enabled: true }]);
  });

  it('plans the import into a fresh Dash on a dry run, and writes nothing', async () => {
    const before = await target.api.ok('GET', '/api/config');
    const res = await target.api.put('/api/config?dryRun=true', exported);
    expect(res.status).toBe(200);
    expect(res.body.dryRun).toBe(true);
    expect(res.body.credentials).toBeUndefined();
    const { plan } = res.body;
    expect(plan.problems).toEqual([]);
    expect(plan.summary.devices).toEqual({ create: 1, update: 0, unchanged: 0 });
    expect(plan.summary.users).toEqual({ create: 2, update: 0, unchanged: 1 });
    expect(plan.sections.sites).toEqual([{ key: 'waw-1', action: 'create', changes: [] }]);
    expect(plan.sections.categories.find((e: any) => e.key === 'triage')).toEqual({ key: 'triage', action: 'unchanged', changes: [] });
    expect(withoutTime(await target.api.ok('GET', '/api/config'))).toEqual(withoutTime(before));
    expect((await target.api.ok('GET', '/api/audit')).items.filter((e: any) => e.entityType === 'config')).toEqual([]);
  });

  it('imports everything in one go: the second Dash exports the same configuration', async () => {
    const res = await target.api.put('/api/config', exported);
    expect(res.status).toBe(200);
    expect(res.body.plan.summary.calendars).toEqual({ create: 1, update: 0, unchanged: 0 });
    expect(withoutTime(await target.api.ok('GET', '/api/config'))).toEqual(withoutTime(exported));

    // The new secrets are answered once, and they work.
    const { credentials } = res.body;
    expect(credentials.devices).toEqual([{ id: 'till-1', username: 'till-1', password: expect.any(String) }]);
    expect(credentials.webhooks).toEqual([{ name: 'Chat', secret: expect.stringMatching(/^whsec_/) }]);
    expect(credentials.users.map((u: any) => u.email).sort()).toEqual(['agent@shop.test', 'staff@shop.test']);
    till = await connectDevice(target.mqttUrl, 'till-1', credentials.devices[0].password);
    const config = await waitFor(() => till!.received.find((m) => m.topic === topicFor('till-1', 'config')), 5000, 'the retained config');
    expect(JSON.parse(config.payload).buttons[0]).toEqual({ button: 0, label: 'Printer', color: 'blue' });
    const agent = new Api(target.httpUrl);
    await agent.login('agent@shop.test', credentials.users.find((u: any) => u.email === 'agent@shop.test').temporaryPassword);
    expect((await agent.ok('GET', '/api/auth/me')).user.role).toBe('agent');

    const audit = (await target.api.ok('GET', '/api/audit')).items.filter((e: any) => e.entityType === 'config');
    expect(audit).toEqual([expect.objectContaining({ action: 'import', data: { summary: res.body.plan.summary } })]);
    expect(JSON.stringify(audit)).not.toContain(credentials.devices[0].password);
  });

  it('finds nothing to change when the same document comes again, and never deletes what a document lacks', async () => {
    const again = await target.api.ok('PUT', '/api/config?dryRun=true', exported);
    for (const counts of Object.values(again.plan.summary) as any[]) expect(counts.create + counts.update).toBe(0);
    const partial = await target.api.ok('PUT', '/api/config', { dash: 'config', version: 1, sites: [{ code: 'waw-1', name: 'Warszawa Główna' }] });
    expect(partial.plan.sections.sites).toEqual([{ key: 'waw-1', action: 'update', changes: ['name'] }]);
    const after = await target.api.ok('GET', '/api/config');
    expect(after.sites[0]).toEqual({ ...exported.sites[0], name: 'Warszawa Główna' });

    // A renamed category reaches the buttons that show its name (till-1's button 1, on a Polish site).
    const triage = exported.categories.find((c: any) => c.key === 'triage');
    const configs = () => till!.received.filter((m) => m.topic === topicFor('till-1', 'config')).map((m) => JSON.parse(m.payload));
    const before = configs().length;
    await target.api.ok('PUT', '/api/config', { dash: 'config', version: 1, categories: [{ key: 'triage', name: triage.name, names: { ...triage.names, pl: 'Do sprawdzenia' } }] });
    const pushed = await waitFor(() => configs().slice(before).find((c) => c.buttons[1]?.label === 'Do sprawdzenia'), 5000, 'the config with the new label');
    expect(pushed.buttons[0].label).toBe('Printer');
    expect(after.devices).toEqual(exported.devices);
    expect(after.users).toEqual(exported.users);
  });

  it('refuses a document off the schema with VALIDATION naming the path', async () => {
    const bad = { ...exported, sites: [{ ...exported.sites[0], timezone: 'Mars/Olympus' }] };
    const res = await target.api.put('/api/config', bad);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION');
    expect(res.body.error.message).toMatch(/sites\.0\.timezone: must be an IANA time zone/);
    const wrongVersion = await target.api.put('/api/config?dryRun=true', { ...exported, version: 2 });
    expect(wrongVersion.status).toBe(400);
    expect(wrongVersion.body.error.message).toMatch(/version: must be 1/);
  });

  it('refuses an unknown category key with a clear message and writes nothing', async () => {
    const before = await target.api.ok('GET', '/api/config');
    const doc = {
      dash: 'config', version: 1,
      sites: [{ code: 'krk-1', name: 'Kraków' }],
      devices: [{ id: 'till-9', name: 'Till 9', site: 'krk-1', buttons: [{ button: 0, category: 'coffee-machine' }] }],
    };
    const dry = await target.api.ok('PUT', '/api/config?dryRun=true', doc);
    expect(dry.plan.problems).toEqual([{ path: 'devices[0].buttons[0].category', message: expect.stringContaining('unknown category key "coffee-machine"') }]);
    const res = await target.api.put('/api/config', doc);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/nothing was changed: devices\[0\]\.buttons\[0\]\.category: unknown category key "coffee-machine"/) });
    expect(withoutTime(await target.api.ok('GET', '/api/config'))).toEqual(withoutTime(before));
  });

  it('is for admins only: staff and agents get FORBIDDEN', async () => {
    for (const email of ['agent@shop.test', 'staff@shop.test']) {
      const person = new Api(source.httpUrl);
      await person.login(email, email.startsWith('agent') ? 'agent-pass-1' : 'staff-pass-1');
      const read = await person.get('/api/config');
      const write = await person.put('/api/config?dryRun=true', exported);
      expect([read.status, read.body.error.code, write.status, write.body.error.code]).toEqual([403, 'FORBIDDEN', 403, 'FORBIDDEN']);
    }
  });
});
