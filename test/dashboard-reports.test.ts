/**
 * The reports page in Chromium: a manager sees the numbers the API gives for tickets worked
 * through the API and presses from real MQTT buttons, narrows to one site (the URL follows
 * and the numbers change), downloads a table as CSV; agents get the forbidden message; the
 * page is screenshotted at desktop and phone sizes and in Persian (right to left).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tickets } from '../server/src/db/schema.ts';
import { Api } from './helpers/api.ts';
import { ARTIFACTS, DESKTOP, ensureBundle, HAS_CHROMIUM, PHONE, screenshot, sessionCookie, watchedBrowser } from './helpers/browser.ts';
import { connectDevice } from './helpers/device.ts';
import { startTestSystem, type TestSystem } from './helpers/system.ts';

const PASSWORD = 'reports-pass-123';
const TARGET = { responseMinutes: 30, resolutionMinutes: 240 };
const HOUR = 60 * 60_000;

async function fullShot(page: Page, name: string) {
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
}

describe.skipIf(!HAS_CHROMIUM)('reports page in Chromium', () => {
  let t: TestSystem;
  let manager: Api;
  let session: string;
  let warsaw: any;
  let krakow: any;
  const chromium = watchedBrowser(() => t.httpUrl, () => ({ session }));

  beforeAll(async () => {
    ensureBundle();
    t = await startTestSystem({ name: 'pglite' });
    const { api } = t;
    await api.ok('POST', '/api/sla-policies', { name: 'Desk', targets: { P1: TARGET, P2: TARGET, P3: TARGET, P4: TARGET } });
    warsaw = await t.site({ name: 'Warsaw Centre' });
    krakow = await t.site({ name: 'Kraków <b>Rynek</b>' });
    const agent = await api.ok('POST', '/api/users', { email: 'agent@dash.test', name: 'Ada Agent', role: 'agent', password: PASSWORD, capacity: 5 });
    await api.ok('POST', '/api/users', { email: 'boss@dash.test', name: 'Manager', role: 'manager', password: PASSWORD });
    manager = new Api(t.httpUrl);
    await manager.login('boss@dash.test', PASSWORD);
    session = await sessionCookie(t.httpUrl, 'boss@dash.test', PASSWORD);

    // Tickets worked through the API, then placed two days back with known durations.
    const base = Date.now() - 2 * 24 * HOUR;
    const d = t.system.database.db;
    const work = async (siteId: string, ackMin: number | null, resolveMin: number | null, assign = false) => {
      const category = await t.category();
      const ticket = await api.ok('POST', '/api/tickets', { siteId, categoryId: category.id, title: 'Till frozen' });
      if (assign) await api.ok('POST', `/api/tickets/${ticket.id}/assign`, { assigneeId: agent.id });
      if (ackMin !== null) await api.ok('POST', `/api/tickets/${ticket.id}/acknowledge`, {});
      if (resolveMin !== null) await api.ok('POST', `/api/tickets/${ticket.id}/resolve`, {});
      const at = (m: number | null) => (m === null ? null : new Date(base + m * 60_000));
      await d.update(tickets).set({
        openedAt: at(0)!, acknowledgedAt: at(ackMin), resolvedAt: at(resolveMin), responseDueAt: at(30), resolutionDueAt: at(240),
        responseBreached: ackMin === null, resolutionBreached: false, pauses: [],
      }).where(eq(tickets.id, ticket.id));
      if (resolveMin !== null) await api.ok('POST', '/api/intake/feedback', { ticket: ticket.id, rating: 4 });
    };
    await work(warsaw.id, 10, 60);
    await work(warsaw.id, 45, 200);
    await work(warsaw.id, 5, null, true);
    await work(krakow.id, null, null, true);

    const printer = await t.category({ name: 'Printer' });
    const b1 = await t.device(warsaw.id, [{ button: 0, categoryId: printer.id }]);
    const b2 = await t.device(krakow.id, [{ button: 0, categoryId: printer.id }]);
    for (const [b, n] of [[b1, 3], [b2, 1]] as const) {
      const dev = await connectDevice(t.mqttUrl, b.credentials.username, b.credentials.password);
      for (let i = 0; i < n; i++) {
        await dev.press({ pressId: `p-${i}`, pressedAt: base + i * 60_000 });
        await dev.ack(`p-${i}`);
      }
      await dev.end();
    }
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

  const kpi = (page: Page, id: string) => page.locator(`[data-kpi="${id}"] .kpi-value`);
  const settled = (page: Page) => page.locator('.reports-body[aria-busy="false"]').waitFor();

  it('shows the numbers the API gives, narrows by site through the URL and downloads a table as CSV', async () => {
    const all = await manager.ok('GET', '/api/reports/summary');
    expect(all.tickets).toBe(6); // four worked, and one opened by each button's first press
    const { page } = await chromium.open({ viewport: DESKTOP });
    await page.goto(`${t.httpUrl}/reports`);
    await page.getByRole('heading', { level: 1, name: 'Reports' }).waitFor();
    await settled(page);
    expect(await kpi(page, 'tickets').textContent()).toBe(String(all.tickets));
    expect(await kpi(page, 'response-sla').textContent()).toBe(`${all.sla.response.compliancePercent}%`);
    expect(await kpi(page, 'satisfaction').textContent()).toBe(`${all.satisfaction.average} / 5`);
    expect(await kpi(page, 'presses').textContent()).toBe(String(all.presses.total));
    const siteRows = page.locator('[data-table="presses-by-site"] tbody tr');
    expect(await siteRows.allTextContents()).toEqual(all.presses.bySite.map((s: any) => `${s.name}${s.count}`));
    const heat = all.presses.heatmap as number[][];
    const cells = heat.flatMap((hours, d) => hours.map((n, h) => ({ d, h, n }))).filter((c) => c.n > 0);
    for (const c of cells) expect(await page.locator(`td[data-day="${c.d + 1}"][data-hour="${c.h}"]`).innerText()).toBe(String(c.n));
    // Every chart is an image with a label, next to its table.
    expect(await page.locator('canvas[role="img"][aria-label]').count()).toBeGreaterThanOrEqual(5);
    await fullShot(page, 'reports-desktop');

    await page.getByLabel('Site', { exact: true }).selectOption({ label: 'Warsaw Centre' });
    await page.waitForURL(new RegExp(`/reports\\?site=${warsaw.code}$`));
    const one = await manager.ok('GET', `/api/reports/summary?siteId=${warsaw.id}`);
    expect(one.tickets).toBe(4);
    await expect.poll(() => kpi(page, 'tickets').textContent()).toBe(String(one.tickets));
    await settled(page);
    expect(await siteRows.allTextContents()).toEqual(one.presses.bySite.map((s: any) => `${s.name}${s.count}`));

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-table="presses-by-site"] .csv-link').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^dash-presses-by-site-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = readFileSync((await download.path())!, 'utf8');
    const fromApi = (await manager.get(`/api/reports/presses-by-site?siteId=${warsaw.id}&format=csv`)).body as string;
    expect(csv.replace(/^\uFEFF/, '')).toBe(fromApi);
    expect(fromApi).toBe(`siteId,siteCode,siteName,presses\r\n${warsaw.id},${warsaw.code},Warsaw Centre,3\r\n`);

    // A start date: the shown end date goes into the URL with it.
    const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
    const today = day(Date.now());
    const from = day(Date.now() - 3 * 24 * HOUR);
    await page.getByLabel('From', { exact: true }).fill(from);
    await page.waitForURL(new RegExp(`/reports\\?from=${from}&to=${today}&site=${warsaw.code}$`));
    await settled(page);
    const ranged = await manager.ok('GET', `/api/reports/summary?siteId=${warsaw.id}&from=${from}&to=${day(Date.now() + 24 * HOUR)}`);
    expect(await kpi(page, 'tickets').textContent()).toBe(String(ranged.tickets));
    expect(await page.locator('.report-range').textContent()).toContain('(UTC days)');

    // A reload keeps the filters: they live in the URL.
    await page.reload();
    await settled(page);
    expect(await page.getByLabel('Site', { exact: true }).inputValue()).toBe(warsaw.code);
    expect(await page.getByLabel('From', { exact: true }).inputValue()).toBe(from);
  });

  it('fits a phone and reads right to left in Persian', async () => {
    const phone = await chromium.open({ viewport: PHONE });
    await phone.page.goto(`${t.httpUrl}/reports`);
    await settled(phone.page);
    await screenshot(phone.page, 'reports-phone');
    await phone.page.locator('[data-table="sla"]').scrollIntoViewIfNeeded();
    await screenshot(phone.page, 'reports-phone-sla');
    await fullShot(phone.page, 'reports-phone-full');
    const overflow = await phone.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBe(0);

    const fa = await chromium.open({ viewport: DESKTOP, locale: 'fa' });
    await fa.page.goto(`${t.httpUrl}/reports`);
    await fa.page.getByRole('heading', { level: 1, name: 'گزارش‌ها' }).waitFor();
    await settled(fa.page);
    expect(await fa.page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    expect(await kpi(fa.page, 'tickets').textContent()).toBe('۶');
    // Names are text, never markup.
    expect(await fa.page.locator('[data-table="presses-by-site"] bdi').allTextContents()).toContain('Kraków <b>Rynek</b>');
    await fullShot(fa.page, 'reports-desktop-fa');
  });

  it('shows agents the forbidden message', async () => {
    const { page } = await chromium.open({ session: await sessionCookie(t.httpUrl, 'agent@dash.test', PASSWORD) });
    await page.goto(`${t.httpUrl}/reports`);
    await expect.poll(() => page.locator('main [role="alert"]').textContent()).toBe('You may not do this.');
    expect(await page.locator('.kpi').count()).toBe(0);
  });
});
