/**
 * The admin routes the admin pages rely on: per-language category names and articles
 * (issue 8, part 5), a user's language, patches that change only what they send, and the
 * status board link removed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from './helpers/databases.ts';
import { startTestSystem, type TestSystem } from './helpers/system.ts';

const TARGET = { responseMinutes: 30, resolutionMinutes: 240 };

describe.each(testDatabases())('admin API on $name', (db) => {
  let t: TestSystem;
  beforeAll(async () => {
    t = await startTestSystem(db);
  });
  afterAll(async () => t?.stop());

  it('keeps a category\'s name and self-help article per language, and changes one language without the others', async () => {
    const created = await t.api.ok('POST', '/api/categories', {
      key: 'receipt-printer', name: 'Receipt printer', kbArticle: 'Open the lid and reseat the roll.',
      names: { pl: 'Drukarka paragonów', fa: 'چاپگر رسید' }, kbArticles: { pl: 'Otwórz pokrywę i włóż rolkę ponownie.' },
    });
    expect(created).toMatchObject({ names: { pl: 'Drukarka paragonów', fa: 'چاپگر رسید' }, kbArticles: { pl: 'Otwórz pokrywę i włóż rolkę ponownie.' } });

    const changed = await t.api.ok('PATCH', `/api/categories/${created.id}`, { names: { pl: 'Drukarka fiskalna', tr: 'Fiş yazıcısı' } });
    expect(changed).toMatchObject({
      name: 'Receipt printer', defaultPriority: 'P3',
      names: { pl: 'Drukarka fiskalna', tr: 'Fiş yazıcısı' }, kbArticles: { pl: 'Otwórz pokrywę i włóż rolkę ponownie.' },
    });
    expect((await t.api.ok('GET', `/api/categories/${created.id}`)).names).toEqual({ pl: 'Drukarka fiskalna', tr: 'Fiş yazıcısı' });

    const plain = await t.api.ok('POST', '/api/categories', { key: 'scanner', name: 'Scanner' });
    expect(plain).toMatchObject({ names: {}, kbArticles: {} });
  });

  it('refuses a language it does not know and an empty per-language name, naming the field', async () => {
    const unknown = await t.api.post('/api/categories', { key: 'till', name: 'Till', names: { de: 'Kasse' } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toMatchObject({ code: 'VALIDATION' });
    expect(unknown.body.error.message).toContain('names');
    const empty = await t.api.post('/api/categories', { key: 'till', name: 'Till', names: { pl: '  ' } });
    expect(empty.status).toBe(400);
    expect(empty.body.error.details.fields[0].field).toBe('names.pl');
  });

  it('changes only the fields a patch sends: a site keeps its time zone, tier and contacts', async () => {
    const site = await t.site({ timezone: 'Asia/Tehran', tier: 'gold', contacts: [{ name: 'Sara', phone: '+98 21 555 0101' }] });
    const renamed = await t.api.ok('PATCH', `/api/sites/${site.id}`, { name: 'Tehran Valiasr' });
    expect(renamed).toMatchObject({ name: 'Tehran Valiasr', timezone: 'Asia/Tehran', tier: 'gold', contacts: [{ name: 'Sara', phone: '+98 21 555 0101' }] });
    const policy = await t.api.ok('POST', '/api/sla-policies', { name: 'Gold', order: 5, reminderPercents: [50, 90], targets: { P1: TARGET, P2: TARGET, P3: TARGET, P4: TARGET } });
    expect(await t.api.ok('PATCH', `/api/sla-policies/${policy.id}`, { name: 'Gold sites' })).toMatchObject({ order: 5, reminderPercents: [50, 90] });
  });

  it('keeps a user\'s language, set on create and changed or cleared by a patch', async () => {
    const user = await t.api.ok('POST', '/api/users', { email: 'ayse@dash.test', name: 'Ayşe', role: 'agent', password: 'agent-pass-1', language: 'tr' });
    expect(user.language).toBe('tr');
    expect((await t.api.ok('PATCH', `/api/users/${user.id}`, { language: 'fa' })).language).toBe('fa');
    expect((await t.api.ok('PATCH', `/api/users/${user.id}`, { language: null })).language).toBeNull();
    expect((await t.api.ok('GET', `/api/users/${user.id}`)).language).toBeNull();
    const bad = await t.api.patch(`/api/users/${user.id}`, { language: 'de' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.fields[0].field).toBe('language');
  });

  it('previews a draft policy without saving it: the due time follows the draft\'s targets', async () => {
    const site = await t.site({ timezone: 'Asia/Tehran' });
    const category = await t.category();
    const targets = (response: number) => ({ P1: TARGET, P2: { responseMinutes: response, resolutionMinutes: 480 }, P3: TARGET, P4: TARGET });
    const saved = await t.api.ok('POST', '/api/sla-policies', { name: 'Tehran', order: 2, conditions: { siteIds: [site.id] }, targets: targets(30) });
    const ask = { siteId: site.id, categoryId: category.id, priority: 'P2' };
    const minutesDue = (a: { openedAt: string; responseDueAt: string }) => (Date.parse(a.responseDueAt) - Date.parse(a.openedAt)) / 60_000;

    const stored = await t.api.ok('GET', `/api/sla/preview?siteId=${site.id}&categoryId=${category.id}&priority=P2`);
    expect([stored.policy.name, minutesDue(stored)]).toEqual(['Tehran', 30]);
    const changed = await t.api.ok('POST', '/api/sla-policies/preview', { ...ask, id: saved.id, policy: { name: 'Tehran (draft)', order: 2, conditions: { siteIds: [site.id] }, targets: targets(120) } }, [200]);
    expect([changed.policy, minutesDue(changed)]).toEqual([{ id: saved.id, name: 'Tehran (draft)' }, 120]);
    // A new draft tried before the saved one wins; one tried after it does not ('Gold', order 5, comes later still).
    const before = await t.api.ok('POST', '/api/sla-policies/preview', { ...ask, policy: { name: 'Tehran', order: 1, targets: targets(15) } }, [200]);
    expect([before.policy.name, minutesDue(before)]).toEqual(['Tehran', 15]);
    const after = await t.api.ok('POST', '/api/sla-policies/preview', { ...ask, policy: { name: 'Later', order: 3, targets: targets(15) } }, [200]);
    expect([after.policy.id, minutesDue(after)]).toEqual([saved.id, 30]);

    // Nothing was saved.
    expect(await t.api.ok('GET', `/api/sla-policies/${saved.id}`)).toMatchObject({ name: 'Tehran', targets: targets(30) });
    expect(((await t.api.ok('GET', '/api/sla-policies')).items as unknown[])).toHaveLength(2); // with 'Gold' above
    const bad = await t.api.post('/api/sla-policies/preview', { ...ask, policy: { name: 'x', targets: { ...targets(30), P2: { responseMinutes: 30, resolutionMinutes: 10 } } } });
    expect([bad.status, bad.body.error.details.fields[0].field]).toEqual([400, 'policy.targets.P2']);
    const missing = await t.api.post('/api/sla-policies/preview', { ...ask, id: '00000000-0000-0000-0000-000000000000', policy: { name: 'x', targets: targets(30) } });
    expect(missing.status).toBe(404);
  });

  it('removes a site\'s status board link: the old link answers 404 until a new one is made', async () => {
    const site = await t.site();
    const { url } = await t.api.ok('POST', `/api/sites/${site.id}/status-link`);
    expect((await fetch(`${t.httpUrl}/api${url}`)).status).toBe(200);
    expect((await t.api.delete(`/api/sites/${site.id}/status-link`)).status).toBe(204);
    expect((await fetch(`${t.httpUrl}/api${url}`)).status).toBe(404);
    const audit = (await t.api.ok('GET', '/api/audit')).items as { action: string; entityId: string }[];
    expect(audit.find((e) => e.action === 'remove_status_link')).toMatchObject({ entityId: site.id });
    const again = await t.api.ok('POST', `/api/sites/${site.id}/status-link`);
    expect((await fetch(`${t.httpUrl}/api${again.url}`)).status).toBe(200);
    expect((await t.api.delete('/api/sites/00000000-0000-0000-0000-000000000000/status-link')).status).toBe(404);
  });
});
