/**
 * The device pages in Chromium against the real Dash and real MQTT clients: an admin remaps a
 * button on the picture of the device and the next press lands in the new category; a new
 * device's credentials are shown once and really connect; a CSV import with a bad row reports
 * it and adds the rest; the fleet shows a lost device and a low battery; hostile names stay text.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { topicFor } from '../gateway/src/mqtt/contract.ts';
import { DESKTOP, ensureBundle, HAS_CHROMIUM, PHONE, screenshot, sessionCookie, watchedBrowser } from './helpers/browser.ts';
import { testDatabases } from './helpers/databases.ts';
import { connectDevice, waitFor } from './helpers/device.ts';
import { ADMIN, startTestSystem, type TestSystem } from './helpers/system.ts';

const HOSTILE = '<img src=x onerror=alert(1)>';

describe.skipIf(!HAS_CHROMIUM).each(testDatabases())('device pages in Chromium on $name', (db) => {
  let t: TestSystem;
  let session: string;
  const chromium = watchedBrowser(() => t.httpUrl, () => ({ session }));
  const open = (path: string, opts: Parameters<typeof chromium.open>[0] = {}) => chromium.visit(path, opts);
  /** Screenshots once (PGlite run), at both sizes. */
  const shoot = async (page: Page, name: string) => {
    if (db.name !== 'pglite') return;
    await page.setViewportSize(DESKTOP);
    await screenshot(page, `${name}-desktop`);
    await page.setViewportSize(PHONE);
    await screenshot(page, `${name}-phone`);
    await page.setViewportSize(DESKTOP);
  };

  beforeAll(async () => {
    ensureBundle();
    t = await startTestSystem(db);
    session = await sessionCookie(t.httpUrl, ADMIN.email, ADMIN.password);
    await chromium.launch();
  });
  afterAll(async () => {
    try {
      chromium.expectClean(/409 \(Conflict\)/);
    } finally {
      await chromium.close();
      await t?.stop();
    }
  });

  it('maps button 0 to another category on the picture of the device, and the next MQTT press lands there', async () => {
    const site = await t.site({ name: 'Kraków Old Town' });
    const printer = await t.category({ key: 'printer', name: 'Printer' });
    const till = await t.category({ key: 'till', name: 'Cash register' });
    const { credentials } = await t.device(site.id, [{ button: 0, categoryId: printer.id }, { button: 1, categoryId: printer.id }], { id: 'map-1', name: 'Front desk', buttonCount: 3 });
    const device = await connectDevice(t.mqttUrl, credentials.username, credentials.password);
    await device.press({ pressId: 'before-1' });
    expect(await device.ack('before-1')).toMatchObject({ outcome: 'created' });

    const { page } = await open('/devices/map-1');
    await page.getByRole('heading', { level: 1, name: 'Front desk' }).waitFor();
    await page.getByRole('button', { name: 'Button 0: Printer' }).click();
    await page.getByLabel('Category').selectOption({ label: 'Cash register' });
    await shoot(page, 'device-mapping');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('button', { name: 'Button 0: Cash register' }).waitFor();

    const config = await waitFor(() => device.received.filter((m) => m.topic === topicFor('map-1', 'config')).map((m) => JSON.parse(m.payload))
      .find((c) => c.buttons.some((b: { button: number; label: string }) => b.button === 0 && b.label === 'Cash register')), 5000, 'the new config');
    expect(config.buttons.find((b: { button: number }) => b.button === 1).label).toBe('Printer');
    await device.press({ pressId: 'after-1', button: 0 });
    const ack = await device.ack('after-1');
    expect(ack.outcome).toBe('created');
    const ticket = await t.api.ok('GET', `/api/tickets/${ack.ticketNumber}`);
    expect(ticket.categoryId).toBe(till.id);
    await device.end();
  });

  it('provisions a device with credentials shown once, and those credentials connect over MQTT', async () => {
    await t.site({ code: 'waw-9', name: 'Warsaw Mokotów' });
    const { page } = await open('/devices/new');
    await page.getByLabel('Name').fill('Till 7');
    await page.getByLabel('Device id (optional)').fill('till-7');
    await page.getByLabel('Site').selectOption({ label: 'Warsaw Mokotów' });
    await page.getByLabel('Number of buttons').fill('2');
    await page.getByRole('button', { name: 'Add the device' }).click();
    const secret = (await page.getByTestId('device-secret').textContent())!;
    expect(secret).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    await page.getByText('will not be shown again').waitFor();
    const snippet = (await page.getByTestId('config-snippet').textContent())!;
    expect(snippet).toContain(`set device.secret ${secret}\n`);
    expect(snippet).toContain('set device.id till-7\n');
    await page.getByRole('img', { name: 'QR code of the configuration' }).waitFor();
    await page.getByLabel('Wi-Fi name').fill('Shop Wi-Fi');
    expect(await page.getByTestId('config-snippet').textContent()).toContain('set wifi.ssid Shop Wi-Fi\n');
    await shoot(page, 'device-provisioned');

    // The broker address the page shows, taken as a device would: host and port from the snippet.
    const host = /set broker\.host (\S+)/.exec(snippet)![1]!;
    const port = /set broker\.port (\d+)/.exec(snippet)![1]!;
    expect(`mqtt://${host}:${port}`).toBe(t.mqttUrl);
    const device = await connectDevice(`mqtt://${host}:${port}`, 'till-7', secret);
    await device.client.publishAsync(topicFor('till-7', '$state'), 'ready', { qos: 1, retain: true });
    await waitFor(async () => (await t.api.ok('GET', '/api/devices/till-7')).state === 'ready' || undefined);
    await device.end();

    await page.reload();
    await page.getByLabel('Name').waitFor();
    expect(await page.content()).not.toContain(secret);
    await page.goto(`${t.httpUrl}/devices/till-7`);
    await page.getByRole('heading', { level: 1, name: 'Till 7' }).waitFor();
    expect(await page.content()).not.toContain(secret);
  });

  it('imports devices from CSV: the bad row is reported by line, the others are added, and their credentials download', async () => {
    await t.site({ code: 'gdn-1', name: 'Gdańsk' });
    await t.category({ key: 'scanner', name: 'Scanner' });
    const csv = 'id,name,site,kind,buttons,button0\nimp-1,Kiosk 1,gdn-1,esp32,1,scanner\nimp-2,Kiosk 2,no-such-site,esp32,1,scanner\nimp-3,Kiosk 3,gdn-1,pi,2,scanner\n';
    const { page } = await open('/devices/import');
    await page.getByLabel('…or paste the CSV here').fill(csv);
    await page.getByRole('button', { name: 'Check without adding' }).click();
    await page.getByText('2 rows can be added, 1 row has a problem.').waitFor();
    expect((await t.api.get('/api/devices/imp-1')).status).toBe(404);

    await page.getByRole('button', { name: 'Import' }).click();
    await page.getByText('2 devices added, 1 row not added.').waitFor();
    const bad = page.locator('tr[data-row="3"]');
    expect(await bad.textContent()).toContain('no-such-site');
    expect(await bad.textContent()).toContain('Not added');
    await shoot(page, 'device-import');
    // On a phone nothing runs past the screen's edge (the file input, paste box and buttons did).
    const other = await open('/devices/import');
    await other.page.setViewportSize(PHONE);
    await other.page.getByLabel('…or paste the CSV here').fill(csv);
    expect(await other.page.evaluate(() => document.documentElement.scrollWidth <= innerWidth)).toBe(true);
    if (db.name === 'pglite') await screenshot(other.page, 'device-import-form-phone');
    await other.page.close();
    expect(await t.api.ok('GET', '/api/devices/imp-3')).toMatchObject({ name: 'Kiosk 3', kind: 'pi', buttonCount: 2 });
    expect((await t.api.get('/api/devices/imp-2')).status).toBe(404);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download the credentials (CSV)' }).click()]);
    const lines = readFileSync((await download.path())!, 'utf8').trim().split('\r\n');
    expect(lines).toHaveLength(3);
    const [id, , , secret, url] = lines[1]!.split(',');
    expect([id, url]).toEqual(['imp-1', t.mqttUrl]);
    const device = await connectDevice(t.mqttUrl, 'imp-1', secret!);
    await device.end();
  });

  it('shows the fleet by urgency: a lost device and a low battery, with filters in the URL, and hostile names as text', async () => {
    const north = await t.site({ code: 'north', name: 'North branch' });
    const south = await t.site({ code: 'south', name: 'South branch' });
    const category = await t.category();
    const lost = await t.device(north.id, [{ button: 0, categoryId: category.id }], { id: 'lost-pi', name: 'Back office panel', kind: 'pi' });
    const weak = await t.device(south.id, [{ button: 0, categoryId: category.id }], { id: 'weak-btn', name: 'Weak button', kind: 'esp32' });
    await t.device(south.id, [{ button: 0, categoryId: category.id }], { id: 'evil-1', name: HOSTILE });

    const panel = await connectDevice(t.mqttUrl, lost.credentials.username, lost.credentials.password);
    await panel.client.publishAsync(topicFor('lost-pi', '$state'), 'ready', { qos: 1, retain: true });
    await waitFor(async () => (await t.api.ok('GET', '/api/devices/lost-pi')).state === 'ready' || undefined);
    panel.client.stream.destroy(); // a power cut: the broker publishes the will
    await waitFor(async () => (await t.api.ok('GET', '/api/devices/lost-pi')).state === 'lost' || undefined);
    const button = await connectDevice(t.mqttUrl, weak.credentials.username, weak.credentials.password);
    await button.client.publishAsync(topicFor('weak-btn', 'telemetry'), JSON.stringify({ v: 1, batteryPct: 12, rssi: -71, fw: 'dash-esp32-0.1.0', pending: 3 }), { qos: 1 });
    await button.client.publishAsync(topicFor('weak-btn', '$state'), 'sleeping', { qos: 1, retain: true });
    await waitFor(async () => (await t.api.ok('GET', '/api/devices/weak-btn')).batteryPct === 12 || undefined);
    await button.client.endAsync(); // a goodbye (DISCONNECT): asleep, not lost

    const { page } = await open('/devices');
    await page.getByRole('heading', { level: 1, name: 'Devices' }).waitFor();
    const rowOf = (id: string) => page.locator(`tr[data-device="${id}"]`);
    await rowOf('lost-pi').waitFor();
    expect(await rowOf('lost-pi').textContent()).toContain('Lost');
    expect(await rowOf('lost-pi').textContent()).toContain('Offline');
    const weakRow = (await rowOf('weak-btn').textContent())!;
    expect(weakRow).toMatch(/12%/);
    expect(weakRow).toContain('Low battery');
    expect(weakRow).toContain('-71 dBm');
    expect(weakRow).toContain('not enough data for an estimate');
    expect(weakRow).toContain('Presses waiting');
    expect(weakRow).toContain('Sleeping');
    // Most urgent first: lost devices (earlier tests left some), then the battery under 20 %, then the calm ones.
    const order = await page.locator('tr[data-device]').evaluateAll((rows) => rows.map((r) => [r.getAttribute('data-device'), r.className]));
    const at = (id: string) => order.findIndex(([d]) => d === id);
    expect(at('lost-pi')).toBeLessThan(at('weak-btn'));
    expect(at('weak-btn')).toBeLessThan(at('evil-1'));
    expect(order.slice(0, at('weak-btn')).every(([, cls]) => cls === 'row-lost')).toBe(true);
    expect(await rowOf('evil-1').locator('th a').textContent()).toBe(HOSTILE);
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    await shoot(page, 'device-fleet');

    await page.getByLabel('Site').selectOption({ label: 'South branch' });
    await page.waitForURL(/\/devices\?site=south$/);
    await page.getByLabel('Needs attention only').check();
    await page.waitForURL(/\/devices\?site=south&attention=1$/);
    await expect.poll(() => page.locator('tr[data-device]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-device')))).toEqual(['weak-btn']);

    if (db.name === 'pglite') {
      const fa = await open('/devices', { locale: 'fa', viewport: PHONE });
      await fa.page.getByRole('heading', { level: 1, name: 'دستگاه‌ها' }).waitFor();
      expect(await fa.page.evaluate(() => document.documentElement.dir)).toBe('rtl');
      await screenshot(fa.page, 'device-fleet-fa-phone');
      await fa.page.goto(`${t.httpUrl}/devices/weak-btn`);
      await fa.page.getByRole('heading', { level: 1, name: 'Weak button' }).waitFor();
      await screenshot(fa.page, 'device-detail-fa-phone');
    }

    await page.goto(`${t.httpUrl}/devices/evil-1`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(HOSTILE);
    expect(await page.locator('img[src="x"]').count()).toBe(0);
  });

  it('follows presence and telemetry live on the fleet and device pages, without a reload', async () => {
    const site = await t.site({ code: 'live-site', name: 'Live branch' });
    const category = await t.category();
    const live = await t.device(site.id, [{ button: 0, categoryId: category.id }], { id: 'live-btn', name: 'Live button', kind: 'esp32' });
    const button = await connectDevice(t.mqttUrl, live.credentials.username, live.credentials.password);
    await button.client.publishAsync(topicFor('live-btn', 'telemetry'), JSON.stringify({ v: 1, batteryPct: 80, rssi: -50 }), { qos: 1 });
    await waitFor(async () => (await t.api.ok('GET', '/api/devices/live-btn')).batteryPct === 80 || undefined);

    const { page } = await open('/devices');
    const row = page.locator('tr[data-device="live-btn"]');
    await expect.poll(() => row.textContent()).toMatch(/80%/);
    const detail = await open('/devices/live-btn');
    await detail.page.getByRole('heading', { level: 1, name: 'Live button' }).waitFor();
    await expect.poll(() => detail.page.locator('main').textContent()).toMatch(/80%/);
    // The pages reload every 15 s anyway; the device.updated event brings the change well before.
    await button.client.publishAsync(topicFor('live-btn', 'telemetry'), JSON.stringify({ v: 1, batteryPct: 15, rssi: -80 }), { qos: 1 });
    await expect.poll(() => row.textContent(), { timeout: 8000 }).toMatch(/15%/);
    expect(await row.textContent()).toContain('Low battery');
    await expect.poll(() => detail.page.locator('main').textContent(), { timeout: 8000 }).toMatch(/15%/);
    button.client.stream.destroy(); // power cut: the will marks it lost
    await expect.poll(() => row.textContent(), { timeout: 8000 }).toContain('Lost');
  });

  it('deletes a device without presses, and offers Disable, saying why, for one with history', async () => {
    expect((await t.api.ok('GET', '/api/devices/map-1')).hasPresses).toBe(true);
    expect((await t.api.ok('GET', '/api/devices/imp-3')).hasPresses).toBe(false);
    const { page } = await open('/devices/map-1');
    await page.getByText('This device has recorded presses, so it cannot be deleted').waitFor();
    expect(await page.getByRole('button', { name: 'Delete' }).count()).toBe(0);
    expect(await page.locator('main').textContent()).not.toContain('Something went wrong');
    await page.getByRole('button', { name: 'Disable' }).click();
    await page.getByText('Disabled', { exact: true }).first().waitFor();
    expect((await t.api.ok('GET', '/api/devices/map-1')).disabled).toBe(true);

    await page.goto(`${t.httpUrl}/devices/imp-3`);
    await page.getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('button', { name: 'Yes' }).click();
    await page.waitForURL(/\/devices$/);
    expect((await t.api.get('/api/devices/imp-3')).status).toBe(404);
  });

  it('rotates the secret on the device page: the new one is shown once and works', async () => {
    const { page } = await open('/devices/till-7');
    await page.getByRole('button', { name: 'New secret' }).click();
    await page.getByRole('button', { name: 'Yes' }).click();
    const secret = (await page.getByTestId('device-secret').textContent())!;
    await shoot(page, 'device-rotated');
    const device = await connectDevice(t.mqttUrl, 'till-7', secret);
    await device.end();
  });

  it('draws each kind of device with its buttons: a Pi panel of eight and a phone page of three', async () => {
    const site = await t.site();
    const category = await t.category({ name: 'Sales app' });
    await t.device(site.id, [0, 1, 2, 5].map((button) => ({ button, categoryId: category.id })), { id: 'panel-8', name: 'Stock room panel', kind: 'pi', buttonCount: 8 });
    await t.device(site.id, [0, 1, 2].map((button) => ({ button, categoryId: category.id })), { id: 'phone-3', name: 'Staff phones', kind: 'virtual' });
    const { page } = await open('/devices/panel-8');
    await page.getByRole('group', { name: 'Raspberry Pi panel' }).waitFor();
    expect(await page.locator('[data-button]').count()).toBe(8);
    // From the keyboard: focus a button on the picture, Enter opens its category choice.
    await page.getByRole('button', { name: 'Button 7: not mapped' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('mapping-category');
    await page.getByLabel('Category').selectOption({ label: 'Sales app' });
    await page.getByRole('button', { name: 'Save' }).press('Enter');
    await page.getByRole('button', { name: 'Button 7: Sales app' }).waitFor();
    expect((await t.api.ok('GET', '/api/devices/panel-8')).buttons.map((b: { button: number }) => b.button)).toEqual([0, 1, 2, 5, 7]);
    await shoot(page, 'device-pi');
    await page.goto(`${t.httpUrl}/devices/phone-3`);
    await page.getByRole('button', { name: 'Button 2: Sales app' }).waitFor();
    // A phone page never connects over MQTT: no "Never seen", battery or signal, but where it is used.
    const health = page.locator('section[aria-labelledby="device-health-title"]');
    expect(await health.textContent()).toMatch(new RegExp(`Phone page\\s*Staff open /b/${site.code}`));
    expect(await health.textContent()).not.toMatch(/Never seen|Battery|Signal|Checks in every/);
    expect(await page.getByRole('button', { name: 'New secret' }).count()).toBe(0);
    await shoot(page, 'device-virtual');
    await page.goto(`${t.httpUrl}/devices?site=${site.code}`);
    const row = page.locator('tr[data-device="phone-3"]');
    await expect.poll(() => row.textContent()).toMatch(new RegExp(`Phone page\\s*Staff open /b/${site.code}`));
    expect(await row.textContent()).not.toContain('Never seen');
    expect(await row.getAttribute('class')).toBeNull(); // never flagged as needing attention
    await page.getByRole('checkbox', { name: 'Needs attention only' }).check();
    await expect.poll(() => page.locator('tr[data-device="phone-3"]').count()).toBe(0);
  });

  it('provisions a virtual button: no check-in interval, and a result with the phone page link and its QR code, no MQTT secret', async () => {
    await t.site({ code: 'poz-1', name: 'Poznań' });
    const { page } = await open('/devices/new');
    await page.getByLabel('Name').fill('Poznań phones');
    await page.getByLabel('Site').selectOption({ label: 'Poznań' });
    await page.getByLabel(/^Virtual button/).check();
    expect(await page.getByLabel('Check-in interval in minutes (optional)').count()).toBe(0);
    await page.getByLabel('Number of buttons').fill('2');
    await page.getByRole('button', { name: 'Add the device' }).click();
    await page.getByRole('heading', { name: 'Virtual button added' }).waitFor();
    const link = page.getByTestId('virtual-link');
    expect(await link.textContent()).toBe(`${t.httpUrl}/b/poz-1`);
    await page.getByRole('img', { name: 'QR code of the phone page link' }).waitFor();
    await page.getByRole('button', { name: 'Copy the phone page link' }).waitFor();
    expect(await page.getByTestId('device-secret').count()).toBe(0);
    expect(await page.locator('main').textContent()).not.toMatch(/MQTT|mqtt:\/\//);
    await shoot(page, 'device-virtual-provisioned');
    await page.getByRole('link', { name: 'Map its buttons' }).click();
    await page.getByRole('heading', { level: 1, name: 'Poznań phones' }).waitFor();
    const device = (await t.api.ok('GET', '/api/devices?limit=500')).items.find((d: { name: string }) => d.name === 'Poznań phones');
    expect(page.url()).toBe(`${t.httpUrl}/devices/${device.id}`);
    expect(device).toMatchObject({ kind: 'virtual', buttonCount: 2 });
  });

  it('keeps agents out of provisioning, but shows them the fleet', async () => {
    await t.api.ok('POST', '/api/users', { email: 'agent@devices.test', name: 'Agent', role: 'agent', password: 'agent-pass-123' });
    const agent = await sessionCookie(t.httpUrl, 'agent@devices.test', 'agent-pass-123');
    const { page } = await open('/devices/new', { session: agent });
    await page.getByRole('alert').filter({ hasText: 'You may not do this.' }).waitFor();
    expect(await page.getByLabel('Name').count()).toBe(0);
    await page.goto(`${t.httpUrl}/devices`);
    await page.getByRole('heading', { level: 1, name: 'Devices' }).waitFor();
    expect(await page.getByRole('link', { name: 'Add a device' }).count()).toBe(0);
  });
});
