/**
 * The admin pages in Chromium against the real Dash: an admin sets up a Saturday-to-Wednesday
 * calendar, a Tehran site on it with a status board link, a category named in Polish, an SLA
 * policy whose deadline preview follows its targets, and users and teams; the API shows what
 * the pages saved. Staff and agents are kept out; hostile text stays text; every page is
 * photographed at desktop and phone sizes.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, ensureBundle, HAS_CHROMIUM, PHONE, screenshot, sessionCookie, watchedBrowser } from './helpers/browser.ts';
import { testDatabases } from './helpers/databases.ts';
import { ADMIN, startTestSystem, type TestSystem } from './helpers/system.ts';

const HOSTILE = '<img src=x onerror=alert(1)>';
const PAGES = ['sites', 'categories', 'calendars', 'sla', 'people'] as const;

/** What the page shows for an instant: the app's English date-time format in the site's zone. */
const shown = (page: Page, iso: string, timeZone: string) =>
  page.evaluate(([at, zone]) => new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short', timeZone: zone }).format(new Date(at!)), [iso, timeZone]);

/** The due time as shown in Tehran, or a minute earlier: the page asked a moment before the test did. */
const shownNear = async (page: Page, iso: string) =>
  [await shown(page, iso, 'Asia/Tehran'), await shown(page, new Date(Date.parse(iso) - 60_000).toISOString(), 'Asia/Tehran')];

describe.skipIf(!HAS_CHROMIUM).each(testDatabases())('admin pages in Chromium on $name', (db) => {
  let t: TestSystem;
  let session: string;
  const chromium = watchedBrowser(() => t.httpUrl, () => ({ session }));
  const open = (path: string, opts: Parameters<typeof chromium.open>[0] = {}) => chromium.visit(path, opts);
  const toast = (page: Page, text: string) => page.locator('.toast', { hasText: text }).last().waitFor();
  const shot = (page: Page, name: string) => (db.name === 'pglite' ? screenshot(page, name) : Promise.resolve(''));

  beforeAll(async () => {
    ensureBundle();
    t = await startTestSystem(db);
    session = await sessionCookie(t.httpUrl, ADMIN.email, ADMIN.password);
    await chromium.launch();
  });
  afterAll(async () => {
    try {
      chromium.expectClean(/404 \(Not Found\)|400 \(Bad Request\)/);
    } finally {
      await chromium.close();
      await t?.stop();
    }
  });

  it('makes a Saturday-to-Wednesday calendar with a part-day holiday, and a Tehran site on it, through the pages', async () => {
    const { page } = await open('/admin/calendars');
    await page.getByRole('heading', { level: 1, name: 'Calendars' }).waitFor();
    await page.getByRole('button', { name: 'New calendar' }).click();
    // The form takes the keyboard: its heading has focus.
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('New calendar');
    await page.getByLabel('Name', { exact: true }).fill('Tehran week');
    await page.getByLabel('Time zone').selectOption('Asia/Tehran');
    await page.getByRole('button', { name: 'Sat–Wed (Iran)' }).click();
    // A second range on Saturday, running overnight into Sunday.
    await page.locator('[data-day="sat"]').getByRole('button', { name: /Add hours/ }).click();
    await page.getByLabel('Saturday, range 2, from').fill('22:00');
    await page.getByLabel('Saturday, range 2, until').fill('02:00');
    await page.locator('[data-day="sat"]').getByText('until the next day').waitFor();
    await page.getByRole('button', { name: 'Add a holiday' }).click();
    await page.getByLabel('Date').fill('2026-03-21');
    await page.getByLabel('Holiday', { exact: true }).fill('Nowruz');
    await page.getByRole('button', { name: 'Add a holiday' }).click();
    await page.getByLabel('Date').nth(1).fill('2026-03-19');
    await page.getByLabel('Holiday', { exact: true }).nth(1).fill('Last working day');
    await page.getByLabel('Closed only part of the day').nth(1).check();
    await page.getByLabel('Closed from', { exact: true }).fill('12:00');
    await page.getByLabel('Closed until', { exact: true }).fill('00:00');
    await shot(page, 'admin-calendars-desktop');
    await page.getByRole('button', { name: 'Save' }).click();
    await toast(page, 'Calendar Tehran week saved.');
    await page.getByRole('cell', { name: 'Tehran week', exact: true }).waitFor();

    const calendar = ((await t.api.ok('GET', '/api/calendars')).items as any[]).find((c) => c.name === 'Tehran week');
    expect(calendar).toMatchObject({
      timezone: 'Asia/Tehran',
      hours: {
        sat: [{ start: '08:00', end: '16:00' }, { start: '22:00', end: '24:00' }],
        sun: [{ start: '00:00', end: '02:00' }, { start: '08:00', end: '16:00' }],
        mon: [{ start: '08:00', end: '16:00' }], tue: [{ start: '08:00', end: '16:00' }], wed: [{ start: '08:00', end: '16:00' }], thu: [], fri: [],
      },
      holidays: [{ date: '2026-03-21', name: 'Nowruz' }, { date: '2026-03-19', name: 'Last working day', start: '12:00', end: '24:00' }],
    });

    await page.goto(`${t.httpUrl}/admin/sites`);
    await page.getByRole('button', { name: 'New site' }).click();
    // A new site starts in the browser's own time zone (Europe/Warsaw in these tests), not UTC.
    expect(await page.getByLabel('Time zone').inputValue()).toBe('Europe/Warsaw');
    await page.getByLabel('Code').fill('tehran-1');
    await page.getByLabel('Name', { exact: true }).fill('Tehran Valiasr');
    await page.getByLabel('Time zone').selectOption('Asia/Tehran');
    await page.getByLabel('Tier').fill('gold');
    await page.getByLabel('Business hours').selectOption({ label: 'Tehran week (Asia/Tehran)' });
    await page.getByLabel('Language', { exact: true }).selectOption('fa');
    await page.getByRole('button', { name: 'Add a contact' }).click();
    await page.getByLabel('Contact name').fill('Sara Ahmadi');
    await page.getByLabel('E-mail').fill('not an address');
    await page.getByLabel('Phone').fill('+98 21 5550 0101');
    await page.getByRole('button', { name: 'Save' }).click();
    // The server names the field; the message sits beside it.
    const email = page.getByLabel('E-mail');
    await expect.poll(() => email.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('.field-invalid .field-error').textContent()).toMatch(/e-mail|email/i);
    await page.getByRole('alert').filter({ hasText: 'Not saved: correct the fields marked below.' }).waitFor();
    await email.fill('sara@example.ir');
    await page.getByRole('button', { name: 'Save' }).click();
    await toast(page, 'Site Tehran Valiasr saved.');

    const site = ((await t.api.ok('GET', '/api/sites?code=tehran-1')).items as any[])[0];
    expect(site).toMatchObject({
      name: 'Tehran Valiasr', timezone: 'Asia/Tehran', tier: 'gold', calendarId: calendar.id, language: 'fa',
      contacts: [{ name: 'Sara Ahmadi', email: 'sara@example.ir', phone: '+98 21 5550 0101' }],
    });
  });

  it('makes, copies and removes a site\'s status board link', async () => {
    const site = await t.site({ name: 'Kraków Rynek' });
    const { page, context } = await open('/admin/sites');
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: t.httpUrl });
    await page.getByRole('button', { name: 'Edit Kraków Rynek' }).click();
    await page.getByRole('button', { name: 'Make a new link' }).click();
    await toast(page, 'New status board link made; the old one no longer works.');
    // The section is headed "Status board link"; the field itself has a label of its own.
    await page.getByRole('group', { name: 'Status board link' }).waitFor();
    const url = await page.getByLabel('Link to share', { exact: true }).inputValue();
    expect(url).toMatch(new RegExp(`^${t.httpUrl}/status/${site.code}\\?t=[A-Za-z0-9_-]{32}$`));
    const path = new URL(url).pathname + new URL(url).search;
    expect((await fetch(`${t.httpUrl}/api${path}`)).status).toBe(200);
    await page.getByRole('button', { name: 'Copy' }).click();
    await toast(page, 'Link copied.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
    await shot(page, 'admin-sites-desktop');

    await page.getByRole('button', { name: 'Remove the link' }).click();
    await page.getByRole('group', { name: /Remove the status board link\?/ }).getByRole('button', { name: 'Yes, delete' }).click();
    await toast(page, 'Status board link removed.');
    expect((await fetch(`${t.httpUrl}/api${path}`)).status).toBe(404);
  });

  it('makes a category named in Polish, shows the server\'s complaint beside the key, and keeps built-in categories', async () => {
    const { page } = await open('/admin/categories');
    await page.getByRole('button', { name: 'New category' }).click();
    await page.getByLabel('Key').fill('Receipt Printer');
    await page.getByLabel('Name', { exact: true }).fill('Receipt printer');
    await page.getByLabel('Default priority').selectOption('P2');
    await page.getByLabel('Self-help article', { exact: true }).fill('Open the lid and reseat the roll.');
    await page.getByLabel('Name in Polski').fill('Drukarka paragonów');
    await page.getByLabel('Self-help article in Polski').fill('Otwórz pokrywę i włóż rolkę ponownie.');
    await page.getByRole('button', { name: 'Save' }).click();
    const key = page.getByLabel('Key');
    await expect.poll(() => key.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('.field-invalid .field-error').textContent()).toBe('must be 2–40 of a-z, 0-9 and -');
    await key.fill('receipt-printer');
    await shot(page, 'admin-categories-desktop');
    await page.getByRole('button', { name: 'Save' }).click();
    await toast(page, 'Category Receipt printer saved.');

    const category = ((await t.api.ok('GET', '/api/categories?key=receipt-printer')).items as any[])[0];
    expect(category).toMatchObject({
      name: 'Receipt printer', defaultPriority: 'P2', kbArticle: 'Open the lid and reseat the roll.',
      names: { pl: 'Drukarka paragonów' }, kbArticles: { pl: 'Otwórz pokrywę i włóż rolkę ponownie.' },
    });
    const row = page.locator(`tr[data-id="${category.id}"]`);
    expect(await row.locator('td[data-label="Translated into"]').textContent()).toBe('Polski');

    // The built-in device health category cannot be deleted, so it offers no delete button.
    const builtIn = ((await t.api.ok('GET', '/api/categories')).items as any[]).find((c) => c.builtIn);
    const builtInRow = page.locator(`tr[data-id="${builtIn.id}"]`);
    await builtInRow.getByText('Built in').waitFor();
    expect(await builtInRow.getByRole('button', { name: 'Delete' }).count()).toBe(0);

    // Deleting asks first, in the page; No keeps the row.
    await row.getByRole('button', { name: 'Delete' }).click();
    await row.getByRole('button', { name: 'No, keep' }).click();
    await row.getByRole('button', { name: 'Delete' }).waitFor();
  });

  it('previews the deadline a policy gives, in the site\'s time zone, and follows its targets when they change', async () => {
    const site = await t.site({ name: 'Shiraz', timezone: 'Asia/Tehran' });
    const category = await t.category({ name: 'Card terminal' });
    const { page } = await open('/admin/sla');
    const preview = page.locator('.sla-preview');
    await preview.getByLabel('Site').selectOption({ label: 'Shiraz' });
    await preview.getByLabel('Category').selectOption({ label: 'Card terminal' });
    await preview.getByLabel('Priority').selectOption('P2');
    await preview.getByText('No policy matches: such a ticket gets no deadline.').waitFor();

    await page.getByRole('button', { name: 'New policy' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Standard');
    await page.getByLabel('P2 first response, minutes').fill('30');
    await page.getByLabel('P2 resolution, minutes').fill('240');
    await page.getByLabel('Reminders at (% of the target)').fill('50, 90');
    await page.getByRole('button', { name: 'Save' }).click();
    await toast(page, 'Policy Standard saved.');
    await preview.getByText('A P2 ticket opened now at Shiraz would be due (times in Asia/Tehran):').waitFor();
    await expect.poll(() => preview.locator('.preview-response').textContent(), { timeout: 5000 }).not.toBe('');
    const query = `siteId=${site.id}&categoryId=${category.id}&priority=P2`;
    const first = await t.api.ok('GET', `/api/sla/preview?${query}`);
    expect(Date.parse(first.responseDueAt) - Date.parse(first.openedAt)).toBe(30 * 60_000);
    const firstShown = await preview.locator('.preview-response').textContent();
    expect(await shownNear(page, first.responseDueAt)).toContain(firstShown);
    await shot(page, 'admin-sla-desktop');

    // While editing, the preview is of the draft: it follows the targets as they are typed, before saving.
    await page.getByRole('button', { name: 'Edit Standard' }).click();
    const draft = page.locator('.sla-preview-draft');
    await draft.getByRole('heading', { name: 'Deadline with this policy as edited (not saved yet)' }).waitFor();
    await draft.locator('.preview-response').waitFor();
    await page.getByLabel('P2 first response, minutes').fill('180');
    await expect.poll(() => draft.locator('.preview-response').textContent()).not.toBe(firstShown);
    const policyId = ((await t.api.ok('GET', '/api/sla-policies')).items as any[]).find((p) => p.name === 'Standard').id;
    expect((await t.api.ok('GET', `/api/sla-policies/${policyId}`)).targets.P2.responseMinutes).toBe(30);
    const unsaved = await t.api.ok('POST', '/api/sla-policies/preview', {
      siteId: site.id, categoryId: category.id, priority: 'P2', id: policyId,
      policy: { name: 'Standard', targets: { P1: { responseMinutes: 15, resolutionMinutes: 240 }, P2: { responseMinutes: 180, resolutionMinutes: 240 }, P3: { responseMinutes: 120, resolutionMinutes: 1440 }, P4: { responseMinutes: 480, resolutionMinutes: 4800 } } },
    }, [200]);
    expect(await shownNear(page, unsaved.responseDueAt)).toContain(await draft.locator('.preview-response').textContent());
    await draft.scrollIntoViewIfNeeded();
    await shot(page, 'admin-sla-draft-desktop');
    await page.getByRole('button', { name: 'Save' }).click();
    await toast(page, 'Policy Standard saved.');
    await draft.waitFor({ state: 'detached' });
    await preview.locator('.preview-response').waitFor();
    const second = await t.api.ok('GET', `/api/sla/preview?${query}`);
    expect(Date.parse(second.responseDueAt) - Date.parse(second.openedAt)).toBe(180 * 60_000);
    expect(await shownNear(page, second.responseDueAt)).toContain(await preview.locator('.preview-response').textContent());

    const policy = ((await t.api.ok('GET', '/api/sla-policies')).items as any[]).find((p) => p.name === 'Standard');
    expect(policy).toMatchObject({ reminderPercents: [50, 90], targets: { P2: { responseMinutes: 180, resolutionMinutes: 240 } }, conditions: {} });

    // A target the server refuses is named beside its box.
    await page.getByRole('button', { name: 'Edit Standard' }).click();
    await page.getByLabel('P1 resolution, minutes').fill('5');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.locator('tr[data-priority="P1"] .field-error').filter({ hasText: 'resolutionMinutes must not be shorter than responseMinutes' }).waitFor();
    await page.getByRole('button', { name: 'Cancel' }).click();
  });

  it('adds a user with a language and a team with that member, and shows the team\'s capacity', async () => {
    const { page } = await open('/admin/people');
    await page.getByRole('button', { name: 'New user' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Ayşe Yılmaz');
    await page.getByLabel('E-mail').fill('ayse@dash.test');
    await page.getByLabel('Role').selectOption('agent');
    await page.getByLabel('Language', { exact: true }).selectOption('tr');
    await page.getByLabel('Capacity').fill('7');
    await page.getByLabel('Password').fill('agent-pass-123');
    await page.getByRole('button', { name: 'Save' }).click();
    await toast(page, 'User Ayşe Yılmaz saved.');
    const user = ((await t.api.ok('GET', '/api/users')).items as any[]).find((u) => u.email === 'ayse@dash.test');
    expect(user).toMatchObject({ name: 'Ayşe Yılmaz', role: 'agent', language: 'tr', capacity: 7, available: true, disabled: false });

    await page.getByRole('button', { name: 'New team' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Store IT');
    await page.getByRole('checkbox', { name: /Ayşe Yılmaz/ }).check();
    await page.getByText('Capacity of the chosen members: 7').waitFor();
    await page.getByRole('button', { name: 'Save' }).click();
    await toast(page, 'Team Store IT saved.');
    const team = ((await t.api.ok('GET', '/api/teams')).items as any[]).find((x) => x.name === 'Store IT');
    expect(((await t.api.ok('GET', `/api/teams/${team.id}/members`)).items as any[]).map((u) => u.email)).toEqual(['ayse@dash.test']);
    expect(await page.locator(`tr[data-id="${team.id}"] td[data-label="Capacity"]`).textContent()).toBe('7');
    await shot(page, 'admin-people-desktop');
  });

  it('sends staff to their virtual button and tells an agent they may not', async () => {
    const site = await t.site({ name: 'Gdańsk' });
    await t.api.ok('POST', '/api/users', { email: 'staff@dash.test', name: 'Staff', role: 'staff', siteId: site.id, password: 'staff-pass-123' });
    await t.api.ok('POST', '/api/users', { email: 'agent@dash.test', name: 'Agent', role: 'agent', password: 'agent-pass-123' });
    const staff = await open('/admin/sites', { session: await sessionCookie(t.httpUrl, 'staff@dash.test', 'staff-pass-123') });
    await staff.page.waitForURL(new RegExp(`/b/${site.code}$`));
    expect(await staff.page.locator('.admin-layout').count()).toBe(0);
    const agent = await open('/admin/sites', { session: await sessionCookie(t.httpUrl, 'agent@dash.test', 'agent-pass-123') });
    await agent.page.getByRole('alert').filter({ hasText: 'You may not do this.' }).waitFor();
    expect(await agent.page.locator('.admin-layout').count()).toBe(0);
  });

  it('adds a site from the keyboard alone: open the form, type, submit with Enter, delete after a confirmation', async () => {
    const { page } = await open('/admin/sites');
    await page.getByRole('button', { name: 'New site' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('New site');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('.field')?.querySelector('label')?.textContent)).toBe('Code');
    await page.keyboard.type('keys-1');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Keyboard branch');
    await page.keyboard.press('Enter');
    await toast(page, 'Site Keyboard branch saved.');
    const row = page.locator('tr', { hasText: 'Keyboard branch' });
    await row.getByRole('button', { name: 'Delete' }).focus();
    await page.keyboard.press('Enter');
    // The question takes the focus; Escape steps back to the button, Enter on "Yes" deletes.
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Yes, delete');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Delete');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Yes, delete');
    await page.keyboard.press('Enter');
    await toast(page, 'Site Keyboard branch deleted.');
    await row.waitFor({ state: 'detached' });
    expect(((await t.api.ok('GET', '/api/sites?code=keys-1')).items as unknown[])).toHaveLength(0);
  });

  it('shows hostile text in a site name as text', async () => {
    const site = await t.site({ name: HOSTILE, tier: '<b>gold</b>' });
    const { page } = await open('/admin/sites');
    const row = page.locator(`tr[data-id="${site.id}"]`);
    await row.waitFor();
    expect(await row.locator('td[data-label="Name"]').textContent()).toBe(HOSTILE);
    await row.getByRole('button', { name: `Edit ${HOSTILE}` }).click();
    await page.getByRole('heading', { level: 2, name: `Edit site ${HOSTILE}` }).waitFor();
    expect(await page.locator('img[src="x"], main b').count()).toBe(0);
  });

  it('photographs every admin page at desktop and phone sizes', async () => {
    for (const name of PAGES) {
      for (const [size, viewport] of [['desktop', DESKTOP], ['phone', PHONE]] as const) {
        const { page } = await open(`/admin/${name}`, { viewport });
        await page.locator('.admin-page table, .admin-page .empty').first().waitFor();
        if (name === 'sla') await page.locator('.preview-sentence, .preview-none').first().waitFor();
        if (size === 'phone') await shot(page, `admin-${name}-phone`);
        else if (name === 'calendars' || name === 'sla') continue; // photographed with their forms above
        else await shot(page, `admin-${name}-list-desktop`);
      }
    }
    const { page } = await open('/admin/sites', { viewport: PHONE });
    await page.getByRole('button', { name: 'Edit Tehran Valiasr' }).click();
    await page.getByRole('heading', { level: 2, name: 'Edit site Tehran Valiasr' }).waitFor();
    await shot(page, 'admin-site-form-phone');
    const fa = await open('/admin/calendars', { viewport: PHONE, locale: 'fa' });
    await fa.page.getByRole('button', { name: 'ویرایش Tehran week' }).click();
    expect(await fa.page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await shot(fa.page, 'admin-calendar-form-fa-phone');
  });
});
