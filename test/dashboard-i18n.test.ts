/**
 * Issue 8 in a real browser: the board speaks Polish with Polish plural forms, Persian is laid
 * out right to left with Persian digits and Solar Hijri dates, the browser's language applies
 * when nobody chose one, and the switcher's choice sticks.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DESKTOP, ensureBundle, HAS_CHROMIUM, NO_CHROMIUM, PHONE, screenshot, sessionCookie, watchedBrowser,
} from './helpers/browser.ts';
import { ADMIN, startTestSystem, type TestSystem } from './helpers/system.ts';

const TARGETS = { responseMinutes: 60, resolutionMinutes: 480 };

describe.skipIf(!HAS_CHROMIUM)('the web app in Polish, Persian and Turkish', () => {
  let t: TestSystem;
  let session: string;
  const chromium = watchedBrowser(() => t.httpUrl, () => ({ session }));
  const open = chromium.open;
  const openTicket = async () => {
    const site = await t.site({ name: 'Oddział Poznań', timezone: 'Europe/Warsaw' });
    const category = await t.category({ name: 'Drukarka fiskalna' });
    return t.api.ok('POST', '/api/tickets', { siteId: site.id, categoryId: category.id });
  };

  beforeAll(async () => {
    ensureBundle();
    t = await startTestSystem({ name: 'pglite' });
    await t.api.ok('POST', '/api/sla-policies', { name: 'Everything', targets: { P1: TARGETS, P2: TARGETS, P3: TARGETS, P4: TARGETS } });
    session = await sessionCookie(t.httpUrl, ADMIN.email, ADMIN.password);
    await chromium.launch();
  });
  afterAll(async () => {
    try {
      chromium.expectClean();
    } finally {
      await chromium.close();
      await t?.stop();
    }
  });

  it('shows the board in Polish, from the browser\'s language, with Polish plural forms as tickets arrive live', async () => {
    await openTicket();
    await openTicket();
    const { page } = await open({ browserLocale: 'pl-PL' });
    await page.goto(`${t.httpUrl}/`);
    await page.getByRole('heading', { level: 1, name: 'Tablica działu IT' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('pl');
    const count = page.locator('.board-summary strong');
    expect(await count.textContent()).toBe('2 otwarte zgłoszenia');
    for (let i = 0; i < 3; i++) await openTicket();
    await expect.poll(() => count.textContent()).toBe('5 otwartych zgłoszeń');
    expect(await page.locator('li.ticket-card .cell-actions button').first().textContent()).toBe('Przyjmij');
    expect(await page.locator('li.ticket-card .ticket-meta').first().textContent()).toContain('0 naciśnięć');
    await screenshot(page, 'board-pl-desktop');
  });

  it('lays Persian out right to left, with Persian digits and Solar Hijri dates', async () => {
    for (const [name, viewport] of [['desktop', DESKTOP], ['phone', PHONE]] as const) {
      const { page } = await open({ locale: 'fa', viewport });
      await page.goto(`${t.httpUrl}/`);
      await page.getByRole('heading', { level: 1, name: 'تابلوی میز پشتیبانی' }).waitFor();
      expect(await page.evaluate(() => [document.documentElement.dir, document.documentElement.lang])).toEqual(['rtl', 'fa']);
      expect(await page.locator('.board-summary strong').textContent()).toBe('۵ تیکت باز');
      // Right to left: the priority badge sits at the right edge of the card, the actions at the left.
      const card = page.locator('li.ticket-card').first();
      const [badge, box] = [await card.locator('.priority').boundingBox(), await card.boundingBox()];
      expect(badge!.x + badge!.width).toBeGreaterThan(box!.x + box!.width * 0.8);
      await screenshot(page, `board-fa-${name}`);
      await card.locator('h2 a').click();
      await page.getByRole('heading', { name: 'تاریخچه' }).waitFor();
      // November 2026 is Aban/Azar 1405 in the Solar Hijri calendar.
      expect(await page.locator('.timeline time').first().textContent()).toMatch(/۱۴۰۵/);
      await screenshot(page, `ticket-fa-${name}`);
    }
  });

  it('switches language with the switcher and keeps the choice', async () => {
    const { page } = await open({ browserLocale: 'en-GB' });
    await page.goto(`${t.httpUrl}/`);
    await page.getByRole('heading', { level: 1, name: 'IT desk board' }).waitFor();
    await page.getByLabel('Language').selectOption('tr');
    await page.getByRole('heading', { level: 1, name: 'BT masası panosu' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'BT masası panosu' }).waitFor();
    expect(await page.locator('.board-summary strong').textContent()).toBe('5 açık talep');
    await screenshot(page, 'board-tr-desktop');
  });

  it('shows the login page in Persian before anyone logs in', async () => {
    const { page } = await open({ session: undefined, browserLocale: 'fa-IR', viewport: PHONE });
    await page.goto(`${t.httpUrl}/login`);
    await page.getByRole('heading', { level: 1, name: 'ورود به Dash' }).waitFor();
    expect(await page.getByRole('button', { name: 'ورود' }).isVisible()).toBe(true);
    await screenshot(page, 'login-fa-phone');
  });
});

if (!HAS_CHROMIUM) console.warn(NO_CHROMIUM);
