/**
 * Dash as a process: acknowledged presses survive a restart on the same data directory, even
 * a SIGKILL; a second process on that directory, a bad setting and a busy port each end with
 * exit code 1 and a message that names the problem.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Api } from './helpers/api.ts';
import { connectDevice } from './helpers/device.ts';
import { spawnDash } from './helpers/process.ts';

const ADMIN = { ADMIN_EMAIL: 'admin@dash.test', ADMIN_PASSWORD: 'admin-pass-123' };
const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dash-restart-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('restart on the same data directory', () => {
  it('keeps every acknowledged press across a SIGKILL and a clean restart', async () => {
    const dataDir = tempDir();
    const first = spawnDash({ DATA_DIR: dataDir, ...ADMIN });
    const { httpUrl, mqttUrl } = await first.started();
    const api = new Api(httpUrl);
    await api.login(ADMIN.ADMIN_EMAIL, ADMIN.ADMIN_PASSWORD);
    const site = await api.ok('POST', '/api/sites', { code: 'rs-1', name: 'Restart' });
    const cat = await api.ok('POST', '/api/categories', { key: 'printer', name: 'Printer' });
    const cat2 = await api.ok('POST', '/api/categories', { key: 'register', name: 'Register' });
    const { credentials } = await api.ok('POST', '/api/devices', {
      id: 'restart-1', name: 'B', siteId: site.id, buttons: [{ button: 0, categoryId: cat.id }, { button: 1, categoryId: cat2.id }],
    });
    const device = await connectDevice(mqttUrl, credentials.username, credentials.password);
    for (let i = 0; i < 10; i++) await device.press({ pressId: `k-${i}`, button: i % 2 });
    const acks = await Promise.all(Array.from({ length: 10 }, (_, i) => device.ack(`k-${i}`)));
    expect(acks.map((a) => a.outcome).filter((o) => o === 'created')).toHaveLength(2);
    await device.end();

    first.proc.kill('SIGKILL');
    await first.exited;

    // A lock left by a killed process is taken over, not a reason to refuse to start.
    const second = spawnDash({ DATA_DIR: dataDir, ...ADMIN });
    const again = await second.started();
    const api2 = new Api(again.httpUrl);
    await api2.login(ADMIN.ADMIN_EMAIL, ADMIN.ADMIN_PASSWORD);
    const tickets = (await api2.ok('GET', '/api/tickets')).items;
    expect(tickets.map((t: { pressCount: number }) => t.pressCount).sort()).toEqual([5, 5]);
    expect(second.output()).not.toMatch(/Admin\s+admin@dash\.test \//); // no new generated password

    // A second process on the same directory refuses to start and says why.
    const intruder = spawnDash({ DATA_DIR: dataDir, ...ADMIN });
    expect(await intruder.exited).toBe(1);
    expect(intruder.output()).toMatch(/DATA_DIR .* is in use by another Dash process \(pid \d+\)/);

    second.proc.kill('SIGTERM');
    expect(await second.exited).toBe(0);
    const third = spawnDash({ DATA_DIR: dataDir, ...ADMIN });
    const after = await third.started();
    const api3 = new Api(after.httpUrl);
    await api3.login(ADMIN.ADMIN_EMAIL, ADMIN.ADMIN_PASSWORD);
    expect((await api3.ok('GET', '/api/tickets')).items).toHaveLength(2);
    third.proc.kill('SIGTERM');
    await third.exited;
  });
});

describe('refusing to start', () => {
  it('exits 1 and names each bad variable', async () => {
    const dash = spawnDash({ DATA_DIR: tempDir(), HTTP_PORT: 'eighty', LOG_LEVEL: 'chatty' });
    expect(await dash.exited).toBe(1);
    expect(dash.output()).toMatch(/HTTP_PORT: .*\(got "eighty"\)/);
    expect(dash.output()).toMatch(/LOG_LEVEL: /);
    expect(dash.output()).not.toMatch(/at .*\.ts:\d+/); // a message, not a stack trace
  });

  it('exits 1 and names the variable of a port in use', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      const dash = spawnDash({ DATA_DIR: tempDir(), MQTT_PORT: String(port) });
      expect(await dash.exited).toBe(1);
      expect(dash.output()).toContain(`MQTT_PORT ${port} is in use; set MQTT_PORT to a free port`);
      expect(dash.output()).not.toMatch(/at .*\.ts:\d+/);
    } finally {
      blocker.close();
    }
  });
});
