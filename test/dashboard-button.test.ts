/**
 * The virtual dash button `/b/<site>` on a staff phone in Chromium: one tap opens a ticket
 * whose status the page follows live, a self-help tip comes first where there is one, a
 * press made offline goes out once with its original time, "still broken" reopens, and the
 * rating after the fix is stored. Persian staff get it right to left.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DESKTOP, ensureBundle, HAS_CHROMIUM, NO_CHROMIUM, PHONE, screenshot, sessionCookie, watchedBrowser,
} from './helpers/browser.ts';
import { waitFor } from './helpers/device.ts';
import { startTestSystem, type TestSystem } from './helpers/system.ts';

const TARGETS = { responseMinutes: 30, resolutionMinutes: 240 };
const TIP = 'Open the front cover and take out the jammed paper.';

describe.skipIf(!HAS_CHROMIUM)('virtual dash button in Chromium', () => {
  let t: TestSystem;
  let site: { id: string; code: string };
  let printer: { id: string };
  let register: { id: string };
  let salesApp: { id: string };
  let staff: string;

  /** A site with a virtual device (0: printer, with a tip; 1: cash register; 2: sales app) and a staff member. */
  async function virtualSite(code: string, names: { site: string; printer: string; register: string; app: string }, email: string) {
    const s = await t.site({ code, name: names.site });
    const p = await t.category({ name: names.printer, kbArticle: TIP });
    const r = await t.category({ name: names.register });
    const a = await t.category({ name: names.app });
    const buttons = [p, r, a].map((c, button) => ({ button, categoryId: c.id }));
    await t.api.ok('POST', '/api/devices', { id: `vb-${code}`, name: 'Virtual button', siteId: s.id, kind: 'virtual', buttons });
    await t.api.ok('POST', '/api/users', { email, name: 'Ola from the shop floor', role: 'staff', siteId: s.id, password: 'staff-pass-123' });
    return { site: s, printer: p, register: r, app: a, session: await sessionCookie(t.httpUrl, email, 'staff-pass-123') };
  }
  const chromium = watchedBrowser(() => t.httpUrl, () => ({ session: staff, viewport: PHONE }));
  const open = chromium.open;
  const ticketsOf = async (categoryId: string) =>
    (await t.api.ok('GET', `/api/tickets?siteId=${site.id}&categoryId=${categoryId}`)).items as { number: string; status: string; openedAt: string; source: string }[];

  beforeAll(async () => {
    ensureBundle();
    t = await startTestSystem({ name: 'pglite' });
    await t.api.ok('POST', '/api/sla-policies', { name: 'Everything', targets: { P1: TARGETS, P2: TARGETS, P3: TARGETS, P4: TARGETS } });
    ({ site, printer, register, app: salesApp, session: staff } = await virtualSite(
      'waw-1', { site: 'Warszawa Centrum', printer: 'Printer', register: 'Cash register', app: 'Sales app' }, 'ola@shop.test',
    ));
    await chromium.launch();
  });
  afterAll(async () => {
    try {
      chromium.expectClean(/ERR_INTERNET_DISCONNECTED|Failed to fetch/);
    } finally {
      await chromium.close();
      await t?.stop();
    }
  });

  it('takes staff from the start page to their site\'s button, and keeps them off the desk pages', async () => {
    const { page } = await open();
    await page.goto(`${t.httpUrl}/`);
    await page.waitForURL(/\/b\/waw-1$/);
    await page.getByRole('heading', { level: 1, name: 'Report a problem' }).waitFor();
    await page.goto(`${t.httpUrl}/tickets/INC-000001`);
    await page.waitForURL(/\/b\/waw-1$/);
  });

  it('opens a ticket with one tap, follows it live to resolved, stores the rating, and reopens it with "Still broken"', async () => {
    const { page } = await open();
    await page.goto(`${t.httpUrl}/b/waw-1`);
    await page.getByRole('button', { name: 'Cash register' }).click();
    const report = page.locator('li.report').first();
    await expect.poll(() => report.locator('.report-state').textContent()).toBe('Received. The IT desk will pick it up.');
    const [ticket] = await ticketsOf(register.id);
    expect(ticket).toMatchObject({ status: 'new', source: 'virtual' });
    expect(await report.textContent()).toContain(`ticket ${ticket!.number}`);
    await screenshot(page, 'button-received-phone');

    await t.api.ok('POST', `/api/tickets/${ticket!.number}/acknowledge`);
    await expect.poll(() => report.locator('.report-state').textContent()).toBe('IT is on it.');
    expect(await report.locator('[aria-current="step"]').textContent()).toBe('IT is on it');
    await t.api.ok('POST', `/api/tickets/${ticket!.number}/resolve`, { note: 'New receipt roll' });
    await expect.poll(() => report.locator('.report-state').textContent()).toBe('Resolved. Is it working now?');

    await report.getByLabel('4 stars').check();
    await report.getByRole('button', { name: 'Send rating' }).click();
    await report.getByText('Thank you for your feedback.').waitFor();
    const detail = await t.api.ok('GET', `/api/tickets/${ticket!.number}`);
    expect(detail.timeline.filter((e: { type: string }) => e.type === 'feedback').map((e: { data: unknown }) => e.data)).toEqual([{ rating: 4 }]);
    await screenshot(page, 'button-rated-phone');

    // In the confirm window a press from the same button reopens the ticket (design §3).
    await report.getByRole('button', { name: 'Still broken' }).click();
    await waitFor(async () => (await t.api.ok('GET', `/api/tickets/${ticket!.number}`)).status === 'in_progress' || undefined);
    await expect.poll(() => page.locator('li.report').first().locator('.report-state').textContent()).toBe('IT is on it.');
    expect(await ticketsOf(register.id)).toHaveLength(1);
  });

  it('shows the self-help tip first; "That fixed it" reports nothing, "Report it" does', async () => {
    const { page } = await open();
    await page.goto(`${t.httpUrl}/b/waw-1`);
    await page.getByRole('button', { name: 'Printer' }).click();
    await page.getByRole('heading', { name: 'Printer: before you report' }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Printer: before you report');
    expect(await page.getByText(TIP).isVisible()).toBe(true);
    await screenshot(page, 'button-tip-phone');
    await page.getByRole('button', { name: 'That fixed it' }).click();
    // Back on the buttons, with the keyboard where it was.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Printer');
    expect(await ticketsOf(printer.id)).toEqual([]);
    await page.getByRole('button', { name: 'Printer' }).click();
    await page.getByRole('button', { name: 'Report it' }).click();
    await waitFor(async () => (await ticketsOf(printer.id)).length === 1 || undefined);
  });

  it('keeps a press made offline on the phone and sends it once, with its original time, when the network is back', async () => {
    const { page, context } = await open();
    await page.goto(`${t.httpUrl}/b/waw-1`);
    await page.getByRole('button', { name: 'Sales app' }).waitFor();
    // The service worker has the app shell by now: the page even reloads without a network.
    await page.evaluate(() => navigator.serviceWorker.ready);
    await context.setOffline(true);
    await page.reload();
    await page.getByRole('button', { name: 'Sales app' }).click();
    await page.getByText('You are offline. 1 report is saved on this phone and goes out when the connection is back.').waitFor();
    const queued = await page.evaluate(() => JSON.parse(localStorage.getItem('dash.outbox') ?? '[]'));
    expect(queued).toHaveLength(1);
    const pressedAt: number = queued[0].press.pressedAt;
    const before = (await ticketsOf(salesApp.id)).length;
    await new Promise((r) => setTimeout(r, 1500));
    await screenshot(page, 'button-offline-phone');

    await context.setOffline(false);
    const report = page.locator('li.report').first();
    await expect.poll(() => report.locator('.report-state').textContent(), { timeout: 10_000 }).toBe('Received. The IT desk will pick it up.');
    const after = await ticketsOf(salesApp.id);
    expect(after).toHaveLength(before + 1);
    expect(after[0]!.openedAt).toBe(new Date(pressedAt).toISOString());
    const detail = await t.api.ok('GET', `/api/tickets/${after[0]!.number}`);
    expect(detail.presses.map((p: { queued: boolean; pressedAt: string }) => [p.queued, p.pressedAt])).toEqual([[true, new Date(pressedAt).toISOString()]]);
    expect(await page.evaluate(() => localStorage.getItem('dash.outbox'))).toBe('[]');
  });

  it('speaks Persian right to left on a Persian phone, buttons and status included', async () => {
    const fa = await virtualSite('thr-1', { site: 'شعبهٔ تهران', printer: 'چاپگر', register: 'صندوق', app: 'نرم‌افزار فروش' }, 'sara@shop.test');
    const { page } = await open({ session: fa.session, browserLocale: 'fa-IR' });
    await page.goto(`${t.httpUrl}/b/thr-1`);
    await page.getByRole('heading', { level: 1, name: 'گزارش مشکل' }).waitFor();
    expect(await page.evaluate(() => [document.documentElement.dir, document.documentElement.lang])).toEqual(['rtl', 'fa']);
    await page.getByRole('button', { name: 'صندوق' }).click();
    const report = page.locator('li.report').first();
    await expect.poll(() => report.locator('.report-state').textContent()).toBe('رسید. میز پشتیبانی به‌زودی رسیدگی می‌کند.');
    expect(await report.locator('.report-head').textContent()).toMatch(/۱۴۰۵/);
    await screenshot(page, 'button-fa-phone');
    const desktop = await open({ session: fa.session, browserLocale: 'fa-IR', viewport: DESKTOP });
    await desktop.page.goto(`${t.httpUrl}/b/thr-1`);
    await desktop.page.getByRole('button', { name: 'صندوق' }).click();
    await desktop.page.locator('li.report').first().waitFor();
    await screenshot(desktop.page, 'button-fa-desktop');
  });

  it('is installable: a manifest with PNG icons of 192 and 512 pixels (and a maskable one), and a service worker in control', async () => {
    const manifest = await (await fetch(`${t.httpUrl}/manifest.webmanifest`)).json() as { display: string; start_url: string; icons: { src: string; sizes: string; type: string; purpose: string }[] };
    expect(manifest).toMatchObject({ display: 'standalone', start_url: '/' });
    const pngs = manifest.icons.filter((i) => i.type === 'image/png');
    expect(pngs.map((i) => `${i.sizes} ${i.purpose}`).sort()).toEqual(['192x192 any', '512x512 any', '512x512 maskable']);
    for (const icon of pngs) {
      const res = await fetch(`${t.httpUrl}${icon.src}`);
      expect(res.headers.get('content-type')).toBe('image/png');
      const png = Buffer.from(await res.arrayBuffer());
      // The IHDR chunk right after the 8-byte signature holds width and height.
      expect(`${png.readUInt32BE(16)}x${png.readUInt32BE(20)}`).toBe(icon.sizes);
    }
    const { page } = await open();
    await page.goto(`${t.httpUrl}/b/waw-1`);
    await page.getByRole('button', { name: 'Printer' }).waitFor();
    expect(await page.evaluate(async () => (await navigator.serviceWorker.ready).active?.scriptURL)).toBe(`${t.httpUrl}/sw.js`);
  });
});

if (!HAS_CHROMIUM) console.warn(NO_CHROMIUM);
