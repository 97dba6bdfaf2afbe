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
