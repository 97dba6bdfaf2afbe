/**
 * Issue 8 on the server: notifications written in each reader's language (a Turkish site's
 * contact reads Turkish, a Polish-speaking agent Polish, someone without a language their home
 * site's), button labels pushed to devices in the site's language, the category names of the
 * virtual button and the status board in the asked-for language, and a person's language kept
 * by `PATCH /api/auth/me`. Real SMTP server, real MQTT client, real HTTP, both databases.
 */
import { eq } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { categories } from '../server/src/db/schema.ts';
import { Api } from './helpers/api.ts';
import { testDatabases } from './helpers/databases.ts';
import { connectDevice, waitFor } from './helpers/device.ts';
import { receiver, smtpSink } from './helpers/sinks.ts';
import { startTestSystem, type TestSystem } from './helpers/system.ts';

describe.each(testDatabases())('languages on the server ($name)', (db) => {
  let t: TestSystem;
  let smtp: Awaited<ReturnType<typeof smtpSink>>;
  beforeAll(async () => {
    smtp = await smtpSink();
    t = await startTestSystem(db, { SMTP_URL: smtp.url, PUBLIC_URL: 'http://dash.test' });
  });
  afterAll(async () => {
    await t?.stop();
    await smtp?.close();
  });

  /** A category with per-language names (and self-help articles), written as the admin page would store them. */
  async function category(name: string, names: Record<string, string>, kbArticles: Record<string, string> = {}, over: Record<string, unknown> = {}) {
    const created = await t.category({ name, ...(Object.keys(kbArticles).length && { kbArticle: `${name}: read the manual` }), ...over });
    await t.system.database.db.update(categories).set({ names, kbArticles }).where(eq(categories.id, created.id));
    return created as { id: string; key: string };
  }

  const mailTo = (address: string, what: string) => waitFor(() => smtp.mails.find((m) => m.to.includes(address)), 15_000, what);

  it('mails a Turkish site\'s contact in Turkish, with the category\'s Turkish name and Istanbul time, and summarises webhooks in Turkish', async () => {
    const hook = await receiver();
    const webhook = await t.api.ok('POST', '/api/webhooks', { name: `tr ${db.name}`, url: hook.url, events: ['ticket.created'] });
    const site = await t.site({ name: 'Kadıköy', timezone: 'Europe/Istanbul', language: 'tr', contacts: [{ name: 'Mağaza', email: 'magaza@kadikoy.test' }] });
    const printer = await category('Printer', { tr: 'Yazıcı', pl: 'Drukarka' });
    const { credentials } = await t.device(site.id, [{ button: 0, categoryId: printer.id }]);
    const device = await connectDevice(t.mqttUrl, credentials.username, credentials.password);
    await device.press({ pressId: 'tr-1' });
    const { ticketNumber } = await device.ack('tr-1');
    await device.end();

    const mail = await mailTo('magaza@kadikoy.test', 'the Turkish e-mail');
    expect(mail.subject).toBe(`[Dash] ${ticketNumber} alındı: Yazıcı (Kadıköy şubesi)`);
    expect(mail.text).toContain('Yeni bir arıza bildirildi: Yazıcı (Kadıköy şubesi).');
    expect(mail.text).toContain('Kategori:         Yazıcı');
    expect(mail.text).toContain('Durum:            yeni');
    expect(mail.text).toContain('Atanan:           henüz kimse');
    expect(mail.text).toMatch(/Açılış: +\d{1,2} \S+ \d{4} \S+ \d\d:\d\d \(Europe\/Istanbul\)/);
    expect(mail.text).toContain(`Dash'te aç: http://dash.test/tickets/${ticketNumber}`);
    expect(mail.text).not.toMatch(/Ticket|Category|Open in Dash/);

    const delivered = await waitFor(() => hook.bodies().find((b) => (b.data.ticket as { number?: string })?.number === ticketNumber), 15_000, 'the webhook');
    expect(delivered.data.summary).toBe(`[Dash] ${ticketNumber} alındı: Yazıcı (Kadıköy şubesi)`);
    await t.api.ok('DELETE', `/api/webhooks/${webhook.id}`, undefined, [204]);
    await hook.close();
  });

  it('mails a person in their own language, else in their home site\'s, whatever the ticket\'s site speaks', async () => {
    const tehran = await t.site({ name: 'Tehran Bazaar', timezone: 'Asia/Tehran', language: 'fa' });
    const person = (name: string, extra: Record<string, unknown> = {}) =>
      t.api.ok('POST', '/api/users', { email: `${name}-${db.name}@desk.test`, name, role: 'agent', password: 'people-pass-1', ...extra });
    const ada = await person('ada');
    const reza = await person('reza', { siteId: tehran.id });
    // Ada sets her own language, as the app's picker does.
    const adaApi = new Api(t.httpUrl);
    await adaApi.login(ada.email, 'people-pass-1');
    expect((await adaApi.ok('PATCH', '/api/auth/me', { language: 'pl' })).user.language).toBe('pl');
    const team = await t.api.ok('POST', '/api/teams', { name: `Desk ${db.name}` });
    await t.api.ok('PUT', `/api/teams/${team.id}/members`, { userIds: [ada.id, reza.id] });
    const site = await t.site({ name: 'Kadıköy 2', timezone: 'Europe/Istanbul', language: 'tr' });
    const register = await category('Cash register', { pl: 'Kasa fiskalna', fa: 'صندوق فروش', tr: 'Yazar kasa' }, {}, { teamId: team.id });
    await t.api.ok('POST', '/api/tickets', { siteId: site.id, categoryId: register.id });

    const polish = await mailTo(ada.email, 'Ada\'s e-mail');
    expect(polish.subject).toMatch(/^\[Dash\] INC-\d+ przyjęte: Kasa fiskalna w placówce Kadıköy 2$/);
    expect(polish.text).toContain('Zgłoszono nowy problem: Kasa fiskalna w placówce Kadıköy 2.');
    expect(polish.text).toContain('Przypisane do:      jeszcze nikt');
    expect(polish.text).toMatch(/Otwarte: +\S+, \d{1,2} \S+ \d{4}, \d\d:\d\d \(Europe\/Istanbul\)/);
    const persian = await mailTo(reza.email, 'Reza\'s e-mail');
    expect(persian.subject).toMatch(/^\[Dash\] INC-\d+ دریافت شد: صندوق فروش در Kadıköy 2$/);
    // Persian digits and the Solar Hijri year (2026 is 1404/1405), on the ticket site's clock.
    expect(persian.text).toMatch(/باز شده: .*۱۴۰[۴۵].*\(Europe\/Istanbul\)/);
  });

  it('labels a device\'s buttons with its categories\' names in the site\'s language', async () => {
    const site = await t.site({ name: 'Isfahan', timezone: 'Asia/Tehran', language: 'fa' });
    const printer = await category('Printer', { fa: 'چاپگر', tr: 'Yazıcı' });
    const network = await category('Network', { pl: 'Sieć' });
    const { credentials } = await t.device(site.id, [{ button: 0, categoryId: printer.id }, { button: 1, categoryId: network.id }], { buttonCount: 2 });
    const device = await connectDevice(t.mqttUrl, credentials.username, credentials.password);
    const configs = () => device.received.filter((m) => m.topic === `dash/${credentials.username}/config`)
      .map((m) => (JSON.parse(m.payload) as { buttons: { button: number; label: string }[] }).buttons.map((b) => [b.button, b.label]));
    await waitFor(() => configs()[0], 10_000, 'the retained config');
    // No Persian name for the network category: its plain name.
    expect(configs()[0]).toEqual([[0, 'چاپگر'], [1, 'Network']]);

    // A rename, and then a new language for the site, reach the button at once.
    await t.api.ok('PATCH', `/api/categories/${network.id}`, { names: { pl: 'Sieć', fa: 'شبکه' } });
    await waitFor(() => configs()[1], 10_000, 'the config after the rename');
    expect(configs()[1]).toEqual([[0, 'چاپگر'], [1, 'شبکه']]);
    await t.api.ok('PATCH', `/api/sites/${site.id}`, { language: 'tr' });
    await waitFor(() => configs()[2], 10_000, 'the config after the language change');
    expect(configs()[2]).toEqual([[0, 'Yazıcı'], [1, 'Network']]);
    // A change that labels nothing (the category's team, the site's tier) pushes nothing.
    await t.api.ok('PATCH', `/api/sites/${site.id}`, { tier: 'gold' });
    await t.api.ok('PATCH', `/api/categories/${network.id}`, { defaultPriority: 'P2' });
    await t.api.ok('PATCH', `/api/categories/${printer.id}`, { name: 'Printers' }); // a marker that the two above were not pushed
    await waitFor(() => configs()[3], 10_000, 'the config after the marker');
    expect(configs()).toHaveLength(4);
    await device.end();
  });

  it('keeps a person\'s language: PATCH /api/auth/me sets and clears it, GET shows it, other languages are refused', async () => {
    const user = await t.api.ok('POST', '/api/users', { email: `lang-${db.name}@desk.test`, name: 'Lale', role: 'agent', password: 'people-pass-1' });
    expect(user.language).toBeNull();
    const me = new Api(t.httpUrl);
    await me.login(user.email, 'people-pass-1');
    expect((await me.ok('PATCH', '/api/auth/me', { language: 'tr' })).user).toMatchObject({ language: 'tr', name: 'Lale' });
    expect((await me.ok('GET', '/api/auth/me')).user.language).toBe('tr');
    const bad = await me.request('PATCH', '/api/auth/me', { language: 'de' });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('language') });
    expect((await me.ok('PATCH', '/api/auth/me', { language: null })).user.language).toBeNull();
    expect((await t.api.ok('GET', `/api/users/${user.id}`)).language).toBeNull();
  });

  it('names the virtual button\'s categories and tips in the asked-for language: ?lang=, then the site\'s, then Accept-Language', async () => {
    const site = await t.site({ name: 'Gdańsk' });
    const printer = await category('Printer', { pl: 'Drukarka', fa: 'چاپگر' }, { pl: 'Otwórz pokrywę i wyjmij zacięty papier.' });
    await t.api.ok('POST', '/api/devices', { id: `vb-${db.name}`, name: 'Virtual', siteId: site.id, kind: 'virtual', buttons: [{ button: 0, categoryId: printer.id }] });
    const ask = async (query: string, headers: Record<string, string> = {}) => {
      const res = await t.api.request('GET', `/api/sites/${site.code}/virtual-button${query}`, undefined, headers);
      expect(res.status).toBe(200);
      return { language: res.body.language, ...res.body.buttons[0].category } as { language: string; name: string; kbArticle: string };
    };
    expect(await ask('?lang=pl')).toMatchObject({ language: 'pl', name: 'Drukarka', kbArticle: 'Otwórz pokrywę i wyjmij zacięty papier.' });
    expect(await ask('', { 'accept-language': 'pl-PL,pl;q=0.9,en;q=0.8' })).toMatchObject({ language: 'pl', name: 'Drukarka' });
    // No Persian tip: the plain one. An unknown language is skipped, not refused.
    expect(await ask('?lang=fa')).toMatchObject({ language: 'fa', name: 'چاپگر', kbArticle: 'Printer: read the manual' });
    expect(await ask('?lang=de', { 'accept-language': 'de-DE' })).toMatchObject({ language: 'en', name: 'Printer' });
    // The site's language comes before the browser's, as in the app; ?lang= (the person's choice) before both.
    await t.api.ok('PATCH', `/api/sites/${site.id}`, { language: 'fa' });
    expect(await ask('', { 'accept-language': 'pl' })).toMatchObject({ language: 'fa', name: 'چاپگر' });
    expect(await ask('?lang=pl', { 'accept-language': 'tr' })).toMatchObject({ language: 'pl', name: 'Drukarka' });
  });

  it('names the status board\'s categories in the site\'s language, or the one asked for by ?lang= or the app\'s cookie', async () => {
    const site = await t.site({ name: 'Ankara', timezone: 'Europe/Istanbul', language: 'tr' });
    const printer = await category('Printer', { tr: 'Yazıcı', pl: 'Drukarka' });
    await t.api.ok('POST', '/api/tickets', { siteId: site.id, categoryId: printer.id });
    const { url } = await t.api.ok('POST', `/api/sites/${site.id}/status-link`, {});
    const board = async (extra: string, headers: Record<string, string> = {}) =>
      (await fetch(`${t.httpUrl}/api${url}${extra}`, { headers }).then((r) => r.json())) as { incidents: { category: string }[] };
    expect(await board('', { 'accept-language': 'en-GB' })).toMatchObject({ incidents: [{ category: 'Yazıcı' }] });
    expect(await board('&lang=pl')).toMatchObject({ incidents: [{ category: 'Drukarka' }] });
    expect(await board('', { cookie: 'dash_lang=pl' })).toMatchObject({ incidents: [{ category: 'Drukarka' }] });
    expect(await board('&lang=en', { cookie: 'dash_lang=pl' })).toMatchObject({ incidents: [{ category: 'Printer' }] });
  });

  it('keeps SLA time to the README\'s Saturday–Wednesday Iranian week and Sunday–Thursday week', async () => {
    const day = { start: '08:00', end: '16:00' };
    const weeks = [
      { name: `Iran Sat–Wed ${db.name}`, timezone: 'Asia/Tehran', open: ['sat', 'sun', 'mon', 'tue', 'wed'], closed: ['thu', 'fri'] },
      { name: `Sun–Thu week ${db.name}`, timezone: 'Asia/Riyadh', open: ['sun', 'mon', 'tue', 'wed', 'thu'], closed: ['fri', 'sat'] },
    ];
    for (const week of weeks) {
      const hours = Object.fromEntries([...week.open.map((d) => [d, [day]]), ...week.closed.map((d) => [d, []])]);
      const calendar = await t.api.ok('POST', '/api/calendars', { name: week.name, timezone: week.timezone, hours });
      const site = await t.site({ timezone: week.timezone, language: 'fa', calendarId: calendar.id });
      const cat = await t.category();
      // 20 and 48 business hours: two and a half, and six working days (8 h each).
      const target = { responseMinutes: 1200, resolutionMinutes: 2880 };
      await t.api.ok('POST', '/api/sla-policies', { name: `Week ${week.name}`, order: 1, conditions: { siteIds: [site.id] }, targets: { P1: target, P2: target, P3: target, P4: target } });
      const preview = await t.api.ok('GET', `/api/sla/preview?siteId=${site.id}&categoryId=${cat.id}&priority=P3`);
      for (const due of [preview.responseDueAt, preview.resolutionDueAt] as string[]) {
        const local = DateTime.fromISO(due, { zone: week.timezone });
        expect(week.open).toContain(local.toFormat('ccc').toLowerCase());
        expect(local.toFormat('HH:mm') > '08:00' && local.toFormat('HH:mm') <= '16:00').toBe(true);
      }
      // Six working days cannot fit in one five-day week: the weekend is in between, whenever it is asked.
      expect(Date.parse(preview.resolutionDueAt) - Date.parse(preview.openedAt)).toBeGreaterThanOrEqual(6 * 24 * 3_600_000);
    }
  });
});
