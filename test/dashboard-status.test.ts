/**
 * The site status board `/status/<site>?t=<secret>` in Chromium, without a login: an admin
 * makes the link, a real MQTT press opens a ticket that the board shows as Reported, an
 * acknowledgement turns it into "IT is on it" on the next refresh, a wrong or replaced secret
 * gets a not-found page (and a 404 from the API), and a Persian site's board is right to left.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBundle, HAS_CHROMIUM, PHONE, screenshot, watchedBrowser } from './helpers/browser.ts';
import { waitFor } from './helpers/device.ts';
import { startTestSystem, type TestSystem } from './helpers/system.ts';

const TARGETS = { responseMinutes: 30, resolutionMinutes: 240 };

describe.skipIf(!HAS_CHROMIUM)('site status board in Chromium', () => {
  let t: TestSystem;
  const chromium = watchedBrowser(() => t.httpUrl, () => ({ viewport: PHONE })); // no session cookie
  const open = chromium.open;
  const publicGet = (path: string) => fetch(`${t.httpUrl}${path}`, { headers: { accept: 'application/json' } });

  beforeAll(async () => {
    ensureBundle();
    t = await startTestSystem({ name: 'pglite' });
    await t.api.ok('POST', '/api/sla-policies', { name: 'Everything', targets: { P1: TARGETS, P2: TARGETS, P3: TARGETS, P4: TARGETS } });
    await chromium.launch();
  });
  afterAll(async () => {
    try {
      chromium.expectClean(/404 \(Not Found\)/);
    } finally {
      await chromium.close();
      await t?.stop();
    }
  });

  it('shows a pressed ticket as Reported, then "IT is on it" after the next refresh, then Fixed', async () => {
    const { site, device } = await t.connectedDevice({ name: 'Receipt printer' });
    const { url } = await t.api.ok('POST', `/api/sites/${site.id}/status-link`) as { url: string };
    expect(url).toMatch(new RegExp(`^/status/${site.code}\\?t=[A-Za-z0-9_-]{32}$`));
    // The secret is shown once: the site routes never send it, and the audit trail names only the act.
    expect(await t.api.ok('GET', `/api/sites/${site.id}`)).not.toHaveProperty('statusToken');
    const audit = (await t.api.ok('GET', '/api/audit')).items as { action: string; entityId: string; data: unknown }[];
    expect(audit.find((e) => e.action === 'rotate_status_link')).toMatchObject({ entityId: site.id, data: null });

    await device.press({ pressId: 'st-1' });
    const { ticketNumber } = await device.ack('st-1');
    const answer = await (await publicGet(`/api${url}`)).json();
    expect(answer).toEqual({
      site: { name: site.name, code: site.code, language: null, timezone: 'Europe/Warsaw' },
      incidents: [{
        number: ticketNumber, category: 'Receipt printer', status: 'new', priority: 'P3',
        openedAt: expect.any(String), acknowledgedAt: null, resolvedAt: null,
      }],
    });

    const { page } = await open();
    await page.goto(`${t.httpUrl}${url}`);
    await page.getByRole('heading', { level: 1, name: 'IT status' }).waitFor();
    expect(await page.locator('.site-name').textContent()).toBe(site.name);
    const item = page.locator(`li.incident[data-number="${ticketNumber}"]`);
    await item.waitFor();
    expect(await item.locator('.incident-state-text').textContent()).toBe('Reported');
    expect(await item.textContent()).toContain('Receipt printer');
    await screenshot(page, 'status-reported-phone');

    await t.api.ok('POST', `/api/tickets/${ticketNumber}/acknowledge`);
    await waitFor(async () => (await item.locator('.incident-state-text').textContent()) === 'IT is on it' || undefined, 20_000, 'the board to refresh');
    await screenshot(page, 'status-working-phone');

    await t.api.ok('POST', `/api/tickets/${ticketNumber}/resolve`, { note: 'new roll' });
    await page.reload();
    await item.waitFor();
    expect(await item.locator('.incident-state-text').textContent()).toBe('Fixed');
  });

  it('refuses a wrong, missing or replaced secret with one 404, on the page and from the API', async () => {
    const site = await t.site({ name: 'Kraków Rynek' });
    const first = (await t.api.ok('POST', `/api/sites/${site.id}/status-link`) as { url: string }).url;
    const token = new URL(first, t.httpUrl).searchParams.get('t')!;
    const unknown = await publicGet(`/api/status/no-such-site?t=${token}`);
    const wrong = await publicGet(`/api/status/${site.code}?t=${token.slice(0, -1)}x`);
    const missing = await publicGet(`/api/status/${site.code}`);
    for (const res of [unknown, wrong, missing]) {
      expect(res.status).toBe(404);
      expect((await res.json()).error).toMatchObject({ code: 'NOT_FOUND', message: 'no such status board: the link is unknown or has been replaced' });
    }
    expect((await publicGet(`/api${first}`)).status).toBe(200);

    // Rotating replaces the link: the old one stops working.
    const second = (await t.api.ok('POST', `/api/sites/${site.id}/status-link`) as { url: string }).url;
    expect(second).not.toBe(first);
    expect((await publicGet(`/api${first}`)).status).toBe(404);
    expect((await publicGet(`/api${second}`)).status).toBe(200);

    const { page } = await open();
    await page.goto(`${t.httpUrl}/status/${site.code}?t=wrong-token`);
    await page.getByRole('heading', { level: 1, name: 'This status link does not work' }).waitFor();
    await page.getByRole('alert').filter({ hasText: 'Ask the IT desk for the current one.' }).waitFor();
    await page.goto(`${t.httpUrl}${first}`);
    await page.getByRole('heading', { level: 1, name: 'This status link does not work' }).waitFor();
    await page.goto(`${t.httpUrl}${second}`);
    await page.getByText('No known incidents. If something is not working, report it.').waitFor();
  });

  it('shows a Persian site\'s board right to left, in Persian, with the empty state', async () => {
    const site = await t.site({ name: 'شعبه تهران', language: 'fa', timezone: 'Asia/Tehran' });
    const { url } = await t.api.ok('POST', `/api/sites/${site.id}/status-link`) as { url: string };
    const { page } = await open();
    await page.goto(`${t.httpUrl}${url}`);
    await page.getByRole('heading', { level: 1, name: 'وضعیت پشتیبانی فناوری اطلاعات' }).waitFor();
    expect(await page.evaluate(() => [document.documentElement.dir, document.documentElement.lang])).toEqual(['rtl', 'fa']);
    await page.getByText('مشکل شناخته‌شده‌ای نیست. اگر چیزی کار نمی‌کند، گزارش دهید.').waitFor();
    await screenshot(page, 'status-empty-fa-phone');
  });
});
