/**
 * The integrations admin pages in Chromium against the real Dash: a webhook made in the page
 * receives a signed test delivery at a real local HTTP receiver and the delivery log shows it
 * (and a dead letter retried from the page gets through); an API token made in the page works
 * with a real request within its scopes and stops working once revoked in the page; the
 * configuration downloaded from one Dash and uploaded into a fresh one shows its dry-run plan,
 * imports, and both then export the same document. Screenshots at desktop and phone sizes.
 */
import { createHmac } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, ensureBundle, HAS_CHROMIUM, PHONE, screenshot, sessionCookie, watchedBrowser } from './helpers/browser.ts';
import { testDatabases } from './helpers/databases.ts';
import { waitFor } from './helpers/device.ts';
import { receiver } from './helpers/sinks.ts';
import { ADMIN, startTestSystem, type TestSystem } from './helpers/system.ts';

const withoutTime = ({ exportedAt: _, ...doc }: Record<string, unknown>) => doc;

describe.skipIf(!HAS_CHROMIUM).each(testDatabases())('integrations admin pages in Chromium on $name', (db) => {
  let t: TestSystem;
  let session: string;
  let hook: Awaited<ReturnType<typeof receiver>>;
  let flaky: Awaited<ReturnType<typeof receiver>>;
  const chromium = watchedBrowser(() => t.httpUrl, () => ({ session }));
  const open = async (url: string, opts: Parameters<typeof chromium.open>[0] = {}) => {
    const w = await chromium.open(opts);
    await w.page.goto(url.startsWith('http') ? url : `${t.httpUrl}${url}`);
    return w;
  };
  const shot = (page: Page, name: string) => (db.name === 'pglite' ? screenshot(page, name) : Promise.resolve(''));
  /** Clicks Refresh in the delivery log until the row of `notificationId` shows `status`. */
  const logShows = (page: Page, status: string) => waitFor(async () => {
    await page.getByRole('button', { name: 'Refresh' }).click();
    return (await page.locator(`.delivery-log tr[data-status="${status}"]`).count()) > 0 || undefined;
  }, 20_000, `a ${status} delivery in the log`);

  beforeAll(async () => {
    ensureBundle();
    hook = await receiver();
    flaky = await receiver((n) => (n === 0 ? 503 : 200));
    // One attempt, then a dead letter: the page's retry is what gets it through.
    t = await startTestSystem(db, { NOTIFY_MAX_ATTEMPTS: '1' });
    session = await sessionCookie(t.httpUrl, ADMIN.email, ADMIN.password);
    await chromium.launch();
  });
  afterAll(async () => {
    try {
      chromium.expectClean(/400 \(Bad Request\)/);
    } finally {
      await chromium.close();
      await t?.stop();
      await hook?.close();
      await flaky?.close();
    }
  });

  it('creates a webhook whose secret is shown once, sends a signed test to a real receiver, and logs the delivery', async () => {
    const { page } = await open('/admin/webhooks');
    await page.getByRole('heading', { level: 1, name: 'Notifications and webhooks' }).waitFor();
    await page.getByRole('button', { name: 'New webhook' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Chat <b>bridge</b>');
    await page.getByLabel('Address (URL)').fill(hook.url);
    await page.getByRole('button', { name: 'Save' }).click();
    const secret = await page.locator('[data-testid="secret-value"]').textContent();
    expect(secret).toMatch(/^whsec_/);
    await page.getByRole('button', { name: 'I have stored it' }).click();
    const row = page.locator('.entity-table tbody tr', { hasText: 'Chat <b>bridge</b>' });
    await row.waitFor();
    expect(await row.textContent()).toContain(`…${secret!.slice(-4)}`);
    expect(await page.locator('.entity-table b').count()).toBe(0); // the name is text, not markup

    await row.getByRole('button', { name: 'Send test' }).click();
    await waitFor(() => hook.hits[0], 10_000, 'the test delivery at the receiver');
    const hit = hook.hits[0]!;
    expect(hit.headers['x-dash-signature']).toBe(`sha256=${createHmac('sha256', secret!).update(hit.body).digest('hex')}`);
    expect(JSON.parse(hit.body)).toMatchObject({ type: 'webhook.test', data: { webhook: { name: 'Chat <b>bridge</b>' } } });
    await logShows(page, 'sent');
    const logged = page.locator('.delivery-log tr[data-status="sent"]');
    expect(await logged.locator('.response-code').textContent()).toBe('200');
    expect(await logged.textContent()).toContain('webhook.test');
    await page.locator('.signing-help summary').click();
    await shot(page, 'admin-webhooks-desktop');

    const phone = await open('/admin/webhooks', { viewport: PHONE });
    await phone.page.locator('.entity-table tbody tr', { hasText: 'Chat' }).getByRole('button', { name: 'Delivery log' }).click();
    await phone.page.locator('.delivery-log tr[data-status="sent"]').scrollIntoViewIfNeeded();
    await shot(phone.page, 'admin-webhooks-phone');
  });

  it('retries a dead letter from the delivery log, and it gets through', async () => {
    await t.api.ok('POST', '/api/webhooks', { name: 'Flaky', url: flaky.url });
    const { page } = await open('/admin/webhooks');
    const row = page.locator('.entity-table tbody tr', { hasText: 'Flaky' });
    await row.getByRole('button', { name: 'Send test' }).click();
    await logShows(page, 'dead');
    expect(await page.locator('.delivery-log tr[data-status="dead"] .response-code').textContent()).toBe('503');
    await page.locator('.delivery-log tr[data-status="dead"]').getByRole('button', { name: 'Retry' }).click();
    await logShows(page, 'sent');
    expect(flaky.hits).toHaveLength(2);
    expect(flaky.hits[1]!.headers['x-dash-delivery']).toBe(flaky.hits[0]!.headers['x-dash-delivery']);
  });

  it('pages the delivery log 20 at a time with Load more', async () => {
    const flakyHook = (await t.api.ok('GET', '/api/webhooks')).items.find((w: { name: string }) => w.name === 'Flaky');
    for (let i = 0; i < 20; i++) await t.api.ok('POST', `/api/webhooks/${flakyHook.id}/test`, {}, [202]);
    const { page } = await open('/admin/webhooks');
    await page.locator('.entity-table tbody tr', { hasText: 'Flaky' }).getByRole('button', { name: 'Delivery log' }).click();
    const rows = page.locator('.delivery-log tbody tr');
    await expect.poll(() => rows.count()).toBe(20);
    await page.getByRole('button', { name: 'Load more' }).click();
    await expect.poll(() => rows.count()).toBe(21);
    expect(await page.getByRole('button', { name: 'Load more' }).count()).toBe(0);
    // Newest first, no row twice across the pages.
    const ids = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-id')));
    expect(new Set(ids).size).toBe(21);
  });

  it('creates a scoped API token shown once with a curl example, which works for real until it is revoked in the page', async () => {
    const { page } = await open('/admin/tokens');
    await page.getByRole('heading', { level: 1, name: 'API tokens' }).waitFor();
    await page.getByRole('button', { name: 'New token' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Monitoring');
    await page.getByLabel('Role', { exact: true }).selectOption('agent');
    await page.getByLabel('Only these areas').check();
    await page.locator('select[data-family="tickets"]').selectOption('read');
    await page.getByRole('button', { name: 'Save' }).click();
    const token = (await page.locator('[data-testid="secret-value"]').textContent())!;
    expect(token).toMatch(/^dash_/);
    expect(await page.locator('.code-example pre').textContent()).toBe(`curl -H "Authorization: Bearer ${token}" ${t.httpUrl}/api/tickets?status=open`);
    await shot(page, 'admin-tokens-desktop');

    const call = (p: string) => fetch(`${t.httpUrl}${p}`, { headers: { authorization: `Bearer ${token}` } });
    expect((await call('/api/tickets?status=open')).status).toBe(200);
    expect((await call('/api/sites')).status).toBe(403); // outside its scopes

    await page.getByRole('button', { name: 'I have stored it' }).click();
    const row = page.locator('.entity-table tbody tr', { hasText: 'Monitoring' });
    expect(await row.textContent()).toContain('tickets:read');
    await row.getByRole('button', { name: 'Revoke' }).click();
    await row.getByRole('button', { name: 'Yes' }).click();
    await row.locator('.badge-revoked').waitFor();
    expect((await call('/api/tickets?status=open')).status).toBe(401);

    const phone = await open('/admin/tokens', { viewport: PHONE });
    await phone.page.locator('.entity-table tbody tr', { hasText: 'Monitoring' }).waitFor();
    await shot(phone.page, 'admin-tokens-phone');

    // Persian, right to left.
    const fa = await open('/admin/tokens', { viewport: PHONE, locale: 'fa' });
    await fa.page.getByRole('heading', { level: 1, name: 'توکن‌های API' }).waitFor();
    expect(await fa.page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await fa.page.getByRole('button', { name: 'توکن تازه' }).click();
    await fa.page.getByLabel('فقط این بخش‌ها').check();
    await shot(fa.page, 'admin-tokens-fa-phone');
  });

  it('downloads the configuration, uploads it into a fresh Dash with a dry-run plan, imports it, and both export the same', async () => {
    const site = await t.site({ code: 'waw-1', name: 'Warszawa' });
    const category = await t.category({ key: 'printer', name: 'Printer' });
    await t.device(site.id, [{ button: 0, categoryId: category.id }], { id: 'till-1' });

    const { page } = await open('/admin/config');
    await page.getByRole('heading', { level: 1, name: 'Export and import' }).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download configuration (JSON)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^dash-config-\d{4}-\d{2}-\d{2}\.json$/);
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'dash-config-')), 'dash-config.json');
    await download.saveAs(file);
    const exported = JSON.parse(readFileSync(file, 'utf8'));
    expect(exported).toMatchObject({ dash: 'config', version: 1, sites: [{ code: 'waw-1' }], devices: [{ id: 'till-1', buttons: [{ category: 'printer' }] }] });
    await shot(page, 'admin-config-desktop');

    const fresh = await startTestSystem(db);
    try {
      const freshSession = await sessionCookie(fresh.httpUrl, ADMIN.email, ADMIN.password);
      const other = await open(`${fresh.httpUrl}/admin/config`, { session: freshSession, viewport: DESKTOP });
      await other.page.getByLabel('Configuration file').setInputFiles(file);
      const plan = other.page.locator('.import-plan');
      await plan.waitFor();
      expect(await plan.locator('tr[data-action="create"]', { hasText: 'waw-1' }).count()).toBe(1);
      expect(await plan.locator('tr[data-action="create"]', { hasText: 'till-1' }).count()).toBe(1);
      expect(await plan.locator('li[data-section="devices"]').textContent()).toBe('Devices 1 new, 0 changed, 0 unchanged');
      expect((await fresh.api.ok('GET', '/api/sites')).items).toEqual([]); // the dry run wrote nothing
      await shot(other.page, 'admin-config-plan-desktop');

      const importButton = other.page.getByRole('button', { name: /^Import \d+ changes$/ });
      await importButton.click();
      await other.page.getByRole('button', { name: 'Yes' }).click();
      await other.page.getByRole('heading', { name: 'Imported' }).waitFor();
      const secrets = other.page.locator('.new-secrets tbody tr');
      expect(await secrets.filter({ hasText: 'till-1' }).locator('code').textContent()).toMatch(/^[A-Za-z0-9_-]{43}$/); // its MQTT secret, once
      await shot(other.page, 'admin-config-imported-desktop');
      expect(withoutTime(await fresh.api.ok('GET', '/api/config'))).toEqual(withoutTime(exported));

      const phone = await open(`${fresh.httpUrl}/admin/config`, { session: freshSession, viewport: PHONE });
      await phone.page.getByLabel('Configuration file').setInputFiles(file);
      await phone.page.locator('.import-plan').waitFor();
      expect(await phone.page.getByText('Nothing to change.').count()).toBe(1);
      await phone.page.getByLabel('Show unchanged entries too').check();
      await phone.page.locator('#plan-title').scrollIntoViewIfNeeded();
      await shot(phone.page, 'admin-config-phone');
      // The pages' event streams end with this Dash: close them first so that is no page error.
      await other.page.close();
      await phone.page.close();
    } finally {
      await fresh.stop();
    }
  }, 180_000); // a second Dash starts inside: slow on a busy 2-core machine

  it('shows the problems of a document that cannot be imported, and offers no import', async () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'dash-config-')), 'broken.json');
    writeFileSync(file, JSON.stringify({ dash: 'config', version: 1, devices: [{ id: 'till-9', name: 'Till 9', site: 'nowhere' }] }));
    const { page } = await open('/admin/config', { viewport: PHONE });
    await page.getByLabel('Configuration file').setInputFiles(file);
    const problems = page.locator('.problems');
    await problems.waitFor();
    expect(await problems.textContent()).toContain('devices[0].site: unknown site code "nowhere"');
    expect(await page.getByRole('button', { name: /^Import/ }).isDisabled()).toBe(true);
    await problems.scrollIntoViewIfNeeded();
    await shot(page, 'admin-config-problems-phone');
  });
});
