/**
 * Who reaches which page, in Chromium (issue 5): every page asks for a login except the login
 * page and the site status board; staff only ever get their site's virtual button; agents work
 * the board and the devices but are refused reports and admin; managers get reports.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBundle, HAS_CHROMIUM, NO_CHROMIUM, sessionCookie, watchedBrowser } from './helpers/browser.ts';
import { startTestSystem, type TestSystem } from './helpers/system.ts';

const ADMIN_PAGES = ['/admin/sites', '/admin/categories', '/admin/calendars', '/admin/sla', '/admin/people', '/admin/webhooks', '/admin/tokens', '/admin/config'];
const DESK_PAGES = ['/', '/tickets/INC-000001', '/devices', '/devices/new', '/devices/import', '/reports', ...ADMIN_PAGES];
const FORBIDDEN = 'You may not do this.';

describe.skipIf(!HAS_CHROMIUM)('page access in Chromium', () => {
  let t: TestSystem;
  let site: { id: string; code: string };
  const sessions: Record<'staff' | 'agent' | 'manager', string> = { staff: '', agent: '', manager: '' };
  const chromium = watchedBrowser(() => t.httpUrl);

  beforeAll(async () => {
    ensureBundle();
    t = await startTestSystem({ name: 'pglite' });
    site = await t.site();
    const category = await t.category();
    await t.api.ok('POST', '/api/devices', { id: 'vb-access', name: 'Virtual button', siteId: site.id, kind: 'virtual', buttons: [{ button: 0, categoryId: category.id }] });
    for (const role of ['staff', 'agent', 'manager'] as const) {
      const email = `${role}@access.test`;
      await t.api.ok('POST', '/api/users', { email, name: `A ${role}`, role, password: 'access-pass-123', ...(role === 'staff' && { siteId: site.id }) });
      sessions[role] = await sessionCookie(t.httpUrl, email, 'access-pass-123');
    }
    await chromium.launch();
  });
  afterAll(async () => {
    try {
      // Refused API calls behind the refused pages are expected.
      chromium.expectClean(/40[134] \((Unauthorized|Forbidden|Not Found)\)/);
    } finally {
      await chromium.close();
      await t?.stop();
    }
  });

  it('sends a visitor without a session from every page to the login, remembering where they were going', async () => {
    const { page } = await chromium.open();
    for (const path of [...DESK_PAGES, `/b/${site.code}`]) {
      await page.goto(`${t.httpUrl}${path}`);
      await page.waitForURL((url) => url.pathname === '/login');
      expect(new URL(page.url()).searchParams.get('next')).toBe(path);
    }
  });

  it('keeps staff on their site\'s virtual button, whatever desk page they open', async () => {
    const { page } = await chromium.open({ session: sessions.staff });
    for (const path of DESK_PAGES.filter((p) => !p.startsWith('/tickets'))) {
      await page.goto(`${t.httpUrl}${path}`);
      await page.waitForURL((url) => url.pathname === `/b/${site.code}`);
      expect(await page.locator('.admin-layout, .topnav').count()).toBe(0);
    }
  });

  it('refuses agents the admin pages and reports, and shows them no link there', async () => {
    const { page } = await chromium.open({ session: sessions.agent });
    for (const path of [...ADMIN_PAGES, '/reports']) {
      await page.goto(`${t.httpUrl}${path}`);
      await page.getByRole('alert').filter({ hasText: FORBIDDEN }).waitFor();
    }
    await page.goto(`${t.httpUrl}/devices`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    const nav = await page.locator('.topnav a').allTextContents();
    expect(nav).toEqual(['Board', 'Devices']);
  });

  it('gives managers reports but not admin', async () => {
    const { page } = await chromium.open({ session: sessions.manager });
    await page.goto(`${t.httpUrl}/reports`);
    await page.getByRole('heading', { level: 1, name: 'Reports' }).waitFor();
    expect(await page.getByRole('alert').filter({ hasText: FORBIDDEN }).count()).toBe(0);
    expect(await page.locator('.topnav a').allTextContents()).toEqual(['Board', 'Devices', 'Reports']);
    await page.goto(`${t.httpUrl}/admin/people`);
    await page.getByRole('alert').filter({ hasText: FORBIDDEN }).waitFor();
  });
});

if (!HAS_CHROMIUM) console.warn(NO_CHROMIUM);
