import { describe, expect, it } from 'vitest';
import type { ConfigDocument } from '../document.ts';
import { planImport } from './plan.ts';

const TARGET = { responseMinutes: 30, resolutionMinutes: 240 };
const HOURS = { mon: [{ start: '09:00', end: '17:00' }], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };

/** An installation with one admin, one site, one category and one device. */
function installation(overrides: Partial<ConfigDocument> = {}): ConfigDocument {
  return {
    dash: 'config', version: 1, calendars: [], teams: [], slaPolicies: [], webhooks: [],
    categories: [{ key: 'printer', name: 'Printer', names: {}, defaultPriority: 'P3', team: null, kbArticle: null, kbArticles: {} }],
    sites: [{ code: 'waw-1', name: 'Warsaw', timezone: 'Europe/Warsaw', tier: 'standard', language: null, calendar: null, contacts: [] }],
    users: [{ email: 'boss@x.test', name: 'Boss', role: 'admin', site: null, phone: null, language: null, capacity: 10, available: true, disabled: false }],
    devices: [{ id: 'till-1', name: 'Till 1', site: 'waw-1', kind: 'esp32', buttonCount: 1, heartbeatS: 3600, disabled: false, buttons: [{ button: 0, category: 'printer', label: null, color: null }] }],
    ...overrides,
  };
}
const doc = (overrides: Partial<ConfigDocument>): ConfigDocument => ({ ...installation(), calendars: [], teams: [], categories: [], sites: [], users: [], slaPolicies: [], devices: [], webhooks: [], ...overrides });
const ctx = { importerEmail: 'boss@x.test', ambiguousWebhooks: [] };

describe('planImport', () => {
  it('finds nothing to do when the document is the installation itself', () => {
    const plan = planImport(installation(), installation(), ctx);
    expect(plan.problems).toEqual([]);
    expect(plan.summary.devices).toEqual({ create: 0, update: 0, unchanged: 1 });
    expect(plan.sections.sites).toEqual([{ key: 'waw-1', action: 'unchanged', changes: [] }]);
  });

  it('matches by natural key and names the changed fields; fields left out are not changes', () => {
    const plan = planImport(doc({
      sites: [{ code: 'waw-1', name: 'Warszawa' }, { code: 'krk-1', name: 'Kraków' }],
      categories: [{ key: 'printer', name: 'Printer', names: { pl: 'Drukarka' } }],
    }), installation(), ctx);
    expect(plan.sections.sites).toEqual([{ key: 'waw-1', action: 'update', changes: ['name'] }, { key: 'krk-1', action: 'create', changes: [] }]);
    expect(plan.sections.categories).toEqual([{ key: 'printer', action: 'update', changes: ['names'] }]);
    expect(plan.problems).toEqual([]);
  });

  it('only adds button mappings and team members: a document with fewer is unchanged', () => {
    const current = installation({ teams: [{ name: 'Desk', email: null, members: ['boss@x.test'] }] });
    current.devices[0]!.buttonCount = 2;
    current.devices[0]!.buttons!.push({ button: 1, category: 'printer', label: null, color: null });
    const plan = planImport(doc({
      teams: [{ name: 'Desk', members: [] }],
      devices: [{ id: 'till-1', name: 'Till 1', site: 'waw-1', buttons: [{ button: 0, category: 'printer' }] }],
    }), current, ctx);
    expect(plan.sections.teams[0]!.action).toBe('unchanged');
    expect(plan.sections.devices[0]!.action).toBe('unchanged');
    const remap = planImport(doc({ devices: [{ id: 'till-1', name: 'Till 1', site: 'waw-1', buttons: [{ button: 0, category: 'triage' }] }] }),
      installation({ categories: [...installation().categories, { key: 'triage', name: 'Triage' }] }), ctx);
    expect(remap.sections.devices[0]).toEqual({ key: 'till-1', action: 'update', changes: ['buttons'] });
  });

  it('accepts references to the document or the installation, and names the path of an unknown one', () => {
    const plan = planImport(doc({
      categories: [{ key: 'till', name: 'Till' }],
      devices: [{ id: 'till-2', name: 'Till 2', site: 'waw-1', buttons: [{ button: 0, category: 'till' }, { button: 1, category: 'printer' }, { button: 2, category: 'scanner' }] }],
      slaPolicies: [{ name: 'Gold', conditions: { sites: ['nowhere'] }, targets: { P1: TARGET, P2: TARGET, P3: TARGET, P4: TARGET } }],
    }), installation(), ctx);
    expect(plan.problems).toEqual([
      { path: 'slaPolicies[0].conditions.sites[0]', message: expect.stringMatching(/unknown site code "nowhere"/) },
      { path: 'devices[0].buttons[2].category', message: expect.stringMatching(/unknown category key "scanner"/) },
    ]);
  });

  it('refuses duplicates, staff without a site, bad calendars and losing the last admin', () => {
    const plan = planImport(doc({
      sites: [{ code: 'a-1', name: 'A' }, { code: 'a-1', name: 'A again' }],
      calendars: [{ name: 'Closed', timezone: 'Europe/Warsaw', hours: { ...HOURS, mon: [] }, holidays: [] }],
      users: [{ email: 'boss@x.test', name: 'Boss', role: 'agent' }, { email: 'shop@x.test', name: 'Shop', role: 'staff' }],
    }), installation(), ctx);
    expect(plan.problems.map((p) => p.path)).toEqual(['sites[1].code', 'users[1].site', 'calendars[0].hours', 'users', 'users[0]']);
  });

  it('cannot match a webhook by a name the installation holds twice', () => {
    const plan = planImport(doc({ webhooks: [{ name: 'Chat', url: 'https://chat.test/hook' }] }), installation(), { ...ctx, ambiguousWebhooks: ['Chat'] });
    expect(plan.problems).toEqual([{ path: 'webhooks[0].name', message: expect.stringMatching(/several webhooks named "Chat"/) }]);
  });
});
