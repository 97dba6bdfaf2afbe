/**
 * Issue 8 in a real browser: the board speaks Polish with Polish plural forms, Persian is laid
 * out right to left with Persian digits and Solar Hijri dates, the browser's language applies
 * when nobody chose one, the switcher's choice sticks and is saved for the signed-in person,
 * a person's saved language wins at login, and a Persian site's virtual button speaks Persian
 * (right to left, its buttons named by the categories' Persian names) on an English phone.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { categories } from '../server/src/db/schema.ts';
import { Api } from './helpers/api.ts';
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
    // Saved for the signed-in person too, so it follows them to another browser.
    await expect.poll(async () => (await t.api.ok('GET', '/api/auth/me')).user.language).toBe('tr');
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'BT masası panosu' }).waitFor();
    expect(await page.locator('.board-summary strong').textContent()).toBe('5 açık talep');
    await screenshot(page, 'board-tr-desktop');
    await t.api.ok('PATCH', '/api/auth/me', { language: null });
  });

  it('speaks the person\'s saved language from the first page after login, over the browser\'s', async () => {
    const user = await t.api.ok('POST', '/api/users', { email: 'piotr@desk.test', name: 'Piotr', role: 'agent', password: 'agent-pass-123' });
    const piotr = new Api(t.httpUrl);
    await piotr.login(user.email, 'agent-pass-123');
    await piotr.ok('PATCH', '/api/auth/me', { language: 'pl' });
    const { page } = await open({ session: undefined, browserLocale: 'en-US' });
    await page.goto(`${t.httpUrl}/login`);
    await page.getByRole('heading', { level: 1, name: 'Log in to Dash' }).waitFor();
    await page.getByLabel('E-mail').fill(user.email);
    await page.getByLabel('Password').fill('agent-pass-123');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tablica działu IT' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('pl');
    expect(await page.locator('.board-summary strong').textContent()).toBe('5 otwartych zgłoszeń');
    // A new browser with the same person: their language again, not the browser's.
    const other = await open({ session: await sessionCookie(t.httpUrl, user.email, 'agent-pass-123'), browserLocale: 'tr-TR' });
    await other.page.goto(`${t.httpUrl}/`);
    await other.page.getByRole('heading', { level: 1, name: 'Tablica działu IT' }).waitFor();
  });

  it('shows a Persian site\'s virtual button in Persian on an English phone: right to left, Persian category names, status and digits', async () => {
    const site = await t.site({ code: 'isf-1', name: 'اصفهان، چهارباغ', timezone: 'Asia/Tehran', language: 'fa' });
    const named = async (name: string, fa: string, kbFa?: string) => {
      const c = await t.category({ name, ...(kbFa && { kbArticle: 'Restart the router.' }) });
      await t.system.database.db.update(categories).set({ names: { fa }, kbArticles: kbFa ? { fa: kbFa } : {} }).where(eq(categories.id, c.id));
      return c;
    };
    const buttons = [await named('Printer', 'چاپگر'), await named('Cash register', 'صندوق فروش'), await named('Network', 'شبکه', 'مودم را خاموش و روشن کنید.')]
      .map((c, button) => ({ button, categoryId: c.id }));
    await t.api.ok('POST', '/api/devices', { id: 'vb-isf-1', name: 'Virtual button', siteId: site.id, kind: 'virtual', buttons });
    await t.api.ok('POST', '/api/users', { email: 'maryam@shop.test', name: 'مریم', role: 'staff', siteId: site.id, password: 'staff-pass-123' });
    const staff = await sessionCookie(t.httpUrl, 'maryam@shop.test', 'staff-pass-123');
    for (const [size, viewport] of [['phone', PHONE], ['desktop', DESKTOP]] as const) {
      const { page } = await open({ session: staff, browserLocale: 'en-US', viewport });
      await page.goto(`${t.httpUrl}/b/isf-1`);
      await page.getByRole('heading', { level: 1, name: 'گزارش مشکل' }).waitFor();
      expect(await page.evaluate(() => [document.documentElement.dir, document.documentElement.lang])).toEqual(['rtl', 'fa']);
      for (const name of ['چاپگر', 'صندوق فروش', 'شبکه']) expect(await page.getByRole('button', { name }).isVisible()).toBe(true);
      expect(await page.getByRole('button', { name: 'Printer' }).count()).toBe(0);
      if (size === 'phone') {
        // The self-help tip in Persian first, then the report.
        await page.getByRole('button', { name: 'شبکه' }).click();
        await page.getByRole('heading', { name: 'شبکه: پیش از گزارش' }).waitFor();
        expect(await page.getByText('مودم را خاموش و روشن کنید.').isVisible()).toBe(true);
        await screenshot(page, 'button-fa-site-tip-phone');
        await page.getByRole('button', { name: 'درست شد' }).click();
      }
      await page.getByRole('button', { name: 'صندوق فروش' }).click();
      const report = page.locator('li.report').first();
      await expect.poll(() => report.locator('.report-state').textContent()).toBe('رسید. میز پشتیبانی به‌زودی رسیدگی می‌کند.');
      expect(await report.textContent()).toContain('صندوق فروش');
      expect(await report.locator('.report-head').textContent()).toMatch(/۱۴۰۵/);
      await screenshot(page, `button-fa-site-${size}`);
    }
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
