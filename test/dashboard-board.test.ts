/**
 * The IT desk board in a real browser against the real Dash: login required, a press from a
 * real MQTT button shows up live, acknowledging from the board drives the button's LED,
 * hostile text stays text, and the whole flow works from the keyboard.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { topicFor } from '../gateway/src/mqtt/contract.ts';
import {
  DESKTOP, ensureBundle, HAS_CHROMIUM, NO_CHROMIUM, PHONE, screenshot, sessionCookie, watchedBrowser,
} from './helpers/browser.ts';
import { connectDevice, waitFor } from './helpers/device.ts';
import { ADMIN, startTestSystem, type TestSystem } from './helpers/system.ts';

const HOSTILE = '<img src=x onerror=alert(1)>';
const TARGETS = { responseMinutes: 30, resolutionMinutes: 240 };

describe.skipIf(!HAS_CHROMIUM)('IT desk board in Chromium', () => {
  let t: TestSystem;
  let session: string;
  const chromium = watchedBrowser(() => t.httpUrl, () => ({ session }));
  const open = chromium.open;

  beforeAll(async () => {
    ensureBundle();
    t = await startTestSystem({ name: 'pglite' });
    await t.api.ok('POST', '/api/sla-policies', { name: 'Everything', targets: { P1: TARGETS, P2: TARGETS, P3: TARGETS, P4: TARGETS } });
    session = await sessionCookie(t.httpUrl, ADMIN.email, ADMIN.password);
    await chromium.launch();
  });
  afterAll(async () => {
    await chromium.close();
    await t?.stop();
  });
  // No page may throw, break the CSP or open a dialog.
  const clean = () => chromium.expectClean();

  it('serves the app for its pages and leaves /api and /metrics alone', async () => {
    const page = await fetch(`${t.httpUrl}/tickets/INC-000123`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await page.text();
    expect(html).toContain('<div id="app">');
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(html)![1]!;
    expect((await fetch(`${t.httpUrl}${asset}`)).headers.get('cache-control')).toContain('immutable');
    const api = await fetch(`${t.httpUrl}/api/no-such-route`, { headers: { cookie: `dash_session=${session}` } });
    expect([api.status, (await api.json()).error.code]).toEqual([404, 'NOT_FOUND']);
    expect((await fetch(`${t.httpUrl}/metrics`)).headers.get('content-type')).toContain('text/plain');
  });

  it('sends a visitor without a session to the login page, and back where they were going after logging in', async () => {
    const { page } = await open({ session: undefined });
    await page.goto(`${t.httpUrl}/`);
    await page.waitForURL(/\/login\?next=%2F$/);
    await page.getByLabel('E-mail').fill(ADMIN.email);
    await page.getByLabel('Password').fill('wrong-password');
    await page.getByRole('button', { name: 'Log in' }).click();
    await expect.poll(() => page.locator('#login-error').textContent()).toBe('Wrong e-mail or password.');
    await screenshot(page, 'login-desktop');
    await page.getByLabel('Password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('heading', { level: 1, name: 'IT desk board' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/');

    const other = await open({ session: undefined, viewport: PHONE });
    await other.page.goto(`${t.httpUrl}/tickets/INC-000042`);
    await other.page.waitForURL(/\/login\?next=%2Ftickets%2FINC-000042$/);
    await other.page.getByLabel('E-mail').waitFor();
    await screenshot(other.page, 'login-phone');
    clean();
  });

  it('shows a press from a real MQTT button on the open board within a second, without a reload', async () => {
    const { page } = await open();
    await page.goto(`${t.httpUrl}/`);
    await page.getByRole('status').filter({ hasText: 'Live' }).waitFor();
    await page.evaluate(() => Object.assign(window, { boardNeverReloaded: true }));
    const { device } = await t.connectedDevice({ name: 'Receipt printer' });

    const pressed = Date.now();
    await device.press({ pressId: 'live-1' });
    const card = page.locator('li.ticket-card', { hasText: 'Receipt printer' });
    await card.waitFor({ timeout: 1000 });
    const shownAfterMs = Date.now() - pressed;
    const { ticketNumber } = await device.ack('live-1');
    expect(await card.getAttribute('data-ticket')).toBe(ticketNumber);
    expect(shownAfterMs).toBeLessThan(1000);
    expect(await page.evaluate(() => (window as unknown as { boardNeverReloaded?: boolean }).boardNeverReloaded)).toBe(true);
    await expect.poll(() => card.locator('.sla-time').textContent()).toMatch(/^(29|30) min left$/);
    await device.end();
    clean();
  });

  it('acknowledges from the board, and the button\'s LED turns to acknowledged', async () => {
    const { device } = await t.connectedDevice({ name: 'Card terminal' });
    await device.press({ pressId: 'ack-1' });
    const { ticketNumber } = await device.ack('ack-1');
    const { page } = await open();
    await page.goto(`${t.httpUrl}/`);
    const card = page.locator(`li[data-ticket="${ticketNumber}"]`);
    await card.getByRole('button', { name: 'Acknowledge' }).click();
    await expect.poll(() => card.locator('.status').textContent()).toBe('Acknowledged');
    await waitFor(() => device.received.some((m) => m.topic === topicFor(device.id, 'led/set') && JSON.parse(m.payload).pattern === 'acknowledged') || undefined);
    await page.getByText(`${ticketNumber} acknowledged.`).waitFor();
    // The next step is offered in place, and the keyboard stays in the card.
    await card.getByRole('button', { name: 'Start' }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.closest('li')?.getAttribute('data-ticket'))).toBe(ticketNumber);
    await device.end();
    clean();
  });

  it('shows hostile text in site names and comments as text, and runs none of it', async () => {
    const site = await t.site({ name: HOSTILE });
    const category = await t.category({ name: 'Sales app' });
    const { credentials } = await t.device(site.id, [{ button: 0, categoryId: category.id }], { name: `till ${HOSTILE}` });
    const device = await connectDevice(t.mqttUrl, credentials.username, credentials.password);
    await device.press({ pressId: 'xss-1' });
    const { ticketNumber } = await device.ack('xss-1');
    await t.api.ok('POST', `/api/tickets/${ticketNumber}/comment`, { text: `${HOSTILE} <script>alert(2)</script>` });

    const w = await open();
    await w.page.goto(`${t.httpUrl}/`);
    const card = w.page.locator(`li[data-ticket="${ticketNumber}"]`);
    expect(await card.locator('.cell-site bdi').textContent()).toBe(HOSTILE);
    await w.page.goto(`${t.httpUrl}/tickets/${ticketNumber}`);
    await w.page.locator('.timeline-note', { hasText: '<script>alert(2)</script>' }).waitFor();
    expect(await w.page.locator('.timeline-note').textContent()).toBe(`${HOSTILE} <script>alert(2)</script>`);
    expect(await w.page.locator('img[src="x"], main script').count()).toBe(0);
    await device.end();
    clean();
  });

  it('shows a ticket\'s device by name and its presses in words, and fits a phone without sideways scrolling', async () => {
    const site = await t.site({ name: 'Gdańsk Oliwa' });
    const category = await t.category({ name: 'Card terminal' });
    const { device: made, credentials } = await t.device(site.id, [{ button: 0, categoryId: category.id }], { name: 'Till 3 terminal' });
    const device = await connectDevice(t.mqttUrl, credentials.username, credentials.password);
    await device.press({ pressId: 'name-1' });
    const { ticketNumber } = await device.ack('name-1');
    for (const [name, viewport] of [['desktop', DESKTOP], ['phone', PHONE]] as const) {
      const { page } = await open({ viewport });
      await page.goto(`${t.httpUrl}/tickets/${ticketNumber}`);
      await page.getByRole('heading', { name: 'Presses' }).waitFor();
      // The name agents gave the device, with its generated id as the tooltip — in details, presses and timeline.
      const labels = page.locator('a.device-label');
      await expect.poll(() => labels.allTextContents()).toEqual(['Till 3 terminal', 'Till 3 terminal']);
      expect(await labels.first().getAttribute('title')).toBe(made.id);
      await page.locator('.timeline-entry', { hasText: 'by button Till 3 terminal' }).first().waitFor();
      const press = page.locator('.data-table tbody tr').first();
      expect(await press.locator('td').nth(3).textContent()).toBe('Single press');
      expect(await press.locator('td').nth(4).textContent()).toBe('Opened the ticket');
      // Nothing wider than the screen: the page never scrolls sideways.
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth)).toBe(true);
      await screenshot(page, `ticket-named-${name}`);
      await page.locator('#details-h').scrollIntoViewIfNeeded();
      await screenshot(page, `ticket-named-${name}-side`);
    }
    await device.end();

    // A press from the phone page (the virtual button) carries no telemetry: the panel says so.
    const other = await t.category({ name: 'Printer' });
    const phone = await t.device(site.id, [{ button: 0, categoryId: other.id }], { kind: 'virtual', name: 'Oliwa phone page' });
    const [result] = (await t.api.ok('POST', '/api/intake/presses', { presses: [{ deviceId: phone.device.id, press: { v: 1, pressId: 'phone-1', seq: 1 } }] })).results;
    const virtual = await t.api.ok('GET', `/api/tickets/${result.ticketId}`);
    expect(virtual.source).toBe('virtual');
    const { page } = await open({ viewport: PHONE });
    await page.goto(`${t.httpUrl}/tickets/${virtual.number}`);
    await page.getByRole('heading', { name: 'Device at the time of the press' }).waitFor();
    await page.getByText('Reported from the phone page: no device data.').scrollIntoViewIfNeeded();
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth)).toBe(true);
    await screenshot(page, 'ticket-virtual-phone');
    clean();
  });

  it('asks nobody\'s session on the login page of a fresh browser nor on a site\'s status board', async () => {
    const site = await t.site({ name: 'Sopot Molo' });
    const { url } = await t.api.ok('POST', `/api/sites/${site.id}/status-link`, {});
    const { page } = await open({ session: undefined, viewport: PHONE });
    const asked: string[] = [];
    page.on('request', (r) => r.url().includes('/api/auth/me') && asked.push(new URL(page.url()).pathname));
    await page.goto(`${t.httpUrl}/login`);
    await page.getByLabel('E-mail').waitFor();
    await page.goto(`${t.httpUrl}${url}`);
    await page.locator('.site-name', { hasText: 'Sopot Molo' }).waitFor();
    expect(asked).toEqual([]);
    clean();
  });

  it('works a ticket from the keyboard alone: skip link, comment, resolve', async () => {
    const { device, category } = await t.connectedDevice({ name: 'Scale' });
    await device.press({ pressId: 'kb-1' });
    const { ticketNumber } = await device.ack('kb-1');
    const { page } = await open();
    await page.goto(`${t.httpUrl}/?category=${category.key}`);
    const card = page.locator(`li[data-ticket="${ticketNumber}"]`);
    await card.waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await page.keyboard.press('Enter');
    const focused = () => page.evaluate(() => {
      const el = document.activeElement;
      return `${el?.closest('li')?.getAttribute('data-ticket') ?? ''} ${el?.textContent ?? ''}`;
    });
    const tabTo = async (wanted: string) => {
      for (let i = 0; i < 80 && (await focused()) !== wanted; i++) await page.keyboard.press('Tab');
      expect(await focused()).toBe(wanted);
    };
    await tabTo(`${ticketNumber} Comment`);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
    await page.keyboard.type('Replaced the scale battery');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByText(`Comment added to ${ticketNumber}.`).waitFor();
    await tabTo(`${ticketNumber} Resolve`);
    await page.keyboard.press('Enter');
    await card.waitFor({ state: 'detached' });
    const detail = await t.api.ok('GET', `/api/tickets/${ticketNumber}`);
    expect(detail.status).toBe('resolved');
    expect(detail.timeline.map((e: { note: string | null }) => e.note)).toContain('Replaced the scale battery');
    await device.end();
    clean();
  });

  it('alerts of a new P1 ticket with a desktop notification once the agent turns alerts on', async () => {
    const { page, context } = await open();
    await context.grantPermissions(['notifications'], { origin: t.httpUrl });
    // Records what the page shows; the real Notification still does the work.
    await context.addInitScript(() => {
      const shown: string[] = [];
      Object.assign(window, { shownNotifications: shown });
      window.Notification = new Proxy(window.Notification, { construct: (target, args: [string, NotificationOptions?]) => (shown.push(args[0]), new target(...args)) });
    });
    await page.goto(`${t.httpUrl}/`);
    const toggle = page.getByRole('button', { name: 'Alert me of P1 tickets' });
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    await page.getByRole('status').filter({ hasText: 'Live' }).waitFor();
    const site = await t.site();
    const p1 = await t.category({ name: 'Payment network', defaultPriority: 'P1' });
    const p3 = await t.category({ name: 'Shelf label', defaultPriority: 'P3' });
    await t.api.ok('POST', '/api/tickets', { siteId: site.id, categoryId: p3.id });
    const urgent = await t.api.ok('POST', '/api/tickets', { siteId: site.id, categoryId: p1.id });
    const shown = () => page.evaluate(() => (window as unknown as { shownNotifications: string[] }).shownNotifications);
    await expect.poll(shown).toEqual([`P1 ticket ${urgent.number}`]);
    clean();
  });

  it('keeps filters in the URL', async () => {
    const site = await t.site({ name: 'Kraków Old Town', code: 'krk-1' });
    const category = await t.category({ name: 'Label printer', key: 'label-printer' });
    await t.api.ok('POST', '/api/tickets', { siteId: site.id, categoryId: category.id, title: 'Labels print blank' });
    const { page } = await open();
    await page.goto(`${t.httpUrl}/`);
    await page.getByLabel('Site').selectOption({ label: 'Kraków Old Town' });
    await page.waitForURL(/\?site=krk-1$/);
    await page.reload();
    expect(await page.getByLabel('Site').inputValue()).toBe('krk-1');
    expect(await page.locator('li.ticket-card').count()).toBe(1);
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.waitForURL((url) => url.search === '');
    clean();
  });

  it('colours a ticket amber past its reminder and red past its due time, and shows it at desktop and phone sizes', async () => {
    // Presses queued on the device 25 and 45 minutes ago: 83 % and 150 % of a 30-minute response time.
    const late = await t.connectedDevice({ name: 'Cash drawer' });
    await late.device.press({ pressId: 'amber-1', pressedAt: Date.now() - 25 * 60_000 });
    const amber = (await late.device.ack('amber-1')).ticketNumber;
    const later = await t.connectedDevice({ name: 'Self-checkout', defaultPriority: 'P1' });
    await later.device.press({ pressId: 'red-1', pressedAt: Date.now() - 45 * 60_000 });
    const red = (await later.device.ack('red-1')).ticketNumber;
    for (const [name, viewport] of [['desktop', DESKTOP], ['phone', PHONE]] as const) {
      const { page } = await open({ viewport });
      await page.goto(`${t.httpUrl}/`);
      const redCard = page.locator(`li[data-ticket="${red}"]`);
      await expect.poll(() => redCard.getAttribute('class')).toContain('phase-breach');
      expect(await redCard.locator('.sla-main').textContent()).toMatch(/^■15 min( \d+ sec)? overdue, SLA breached$/);
      await expect.poll(() => page.locator(`li[data-ticket="${amber}"]`).getAttribute('class')).toContain('phase-warn');
      // Most urgent first: the breached ticket heads the board.
      expect(await page.locator('li.ticket-card').first().getAttribute('data-ticket')).toBe(red);
      await screenshot(page, `board-${name}`);
      await redCard.locator('h2 a').click();
      await page.getByRole('heading', { name: 'Timeline' }).waitFor();
      await screenshot(page, `ticket-${name}`);
    }
    await late.device.end();
    await later.device.end();
    clean();
  });
});

if (!HAS_CHROMIUM) console.warn(NO_CHROMIUM);
