/**
 * Starts the real Dash (broker, HTTP server, database) on port 0 for one test file, with
 * an admin logged in and helpers to provision sites, categories and devices through the API.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { loadConfig } from '../../server/src/config.ts';
import { startSystem, type System } from '../../server/src/system.ts';
import { Api } from './api.ts';
import { createScratchDatabase, type TestDatabase } from './databases.ts';
import { connectDevice } from './device.ts';

export const ADMIN = { email: 'admin@dash.test', password: 'admin-pass-123' };
export type LogLine = { level: number; msg: string; [k: string]: unknown };
export type TestSystem = Awaited<ReturnType<typeof startTestSystem>>;

/**
 * `persistent`: the data outlives `restart()` (PGlite in a temp directory instead of memory).
 * Every flow runs on a database of its own: PGlite, or a scratch PostgreSQL database.
 */
export async function startTestSystem(db: TestDatabase, env: Record<string, string> = {}, opts: { persistent?: boolean } = {}) {
  const scratch = db.url ? await createScratchDatabase(db.url) : null;
  const dataDir = !scratch && opts.persistent ? mkdtempSync(path.join(os.tmpdir(), 'dash-test-')) : 'memory://';
  const logs: LogLine[] = [];
  const log = pino({ level: 'debug' }, { write: (line: string) => void logs.push(JSON.parse(line)) });
  const loaded = loadConfig({
    HTTP_PORT: '0', MQTT_PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password,
    TELEMETRY_FLUSH_MS: '50', ...(scratch && { DATABASE_URL: scratch.url }), ...env,
  });
  if (!loaded.ok) throw new Error(loaded.problems.join('\n'));
  const config = loaded.config;
  const boot = async () => {
    const system: System = await startSystem({ config, log, mode: 'all-in-one' });
    const api = new Api(`http://127.0.0.1:${system.httpPort}`);
    await api.login(ADMIN.email, ADMIN.password);
    return { system, api };
  };
  let current = await boot();
  let n = 0;
  const peers: System[] = [];

  const t = {
    logs, config,
    get system() { return current.system; },
    get api() { return current.api; },
    get httpUrl() { return `http://127.0.0.1:${current.system.httpPort}`; },
    get mqttUrl() { return `mqtt://127.0.0.1:${current.system.mqttPort}`; },
    async site(overrides: Record<string, unknown> = {}) {
      return current.api.ok('POST', '/api/sites', { code: `site-${++n}`, name: `Branch ${n}`, timezone: 'Europe/Warsaw', ...overrides });
    },
    async category(overrides: Record<string, unknown> = {}) {
      return current.api.ok('POST', '/api/categories', { key: `cat-${++n}`, name: `Category ${n}`, defaultPriority: 'P3', ...overrides });
    },
    /** Provisions a device mapped button → category and returns its credentials. */
    async device(siteId: string, buttons: { button: number; categoryId: string }[], overrides: Record<string, unknown> = {}) {
      const res = await current.api.ok('POST', '/api/devices', { id: `dev-${++n}`, name: `Button ${n}`, siteId, kind: 'esp32', buttons, ...overrides });
      return res as { device: { id: string }; credentials: { username: string; password: string } };
    },
    /** A site, a category and a connected device with button 0 mapped to it. */
    async connectedDevice(categoryOverrides: Record<string, unknown> = {}) {
      const site = await t.site();
      const category = await t.category(categoryOverrides);
      const { credentials } = await t.device(site.id, [{ button: 0, categoryId: category.id }]);
      const device = await connectDevice(t.mqttUrl, credentials.username, credentials.password);
      return { site, category, credentials, device };
    },
    logged(pattern: RegExp) {
      return logs.filter((l) => pattern.test(l.msg));
    },
    /** Stops Dash and starts it again on the same database (new ports). */
    async restart() {
      await current.system.stop();
      current = await boot();
    },
    /** A second server on the same PostgreSQL database (several servers behind a balancer). */
    async peer() {
      const peer = await startSystem({ config, log: log.child({ peer: peers.length + 1 }), mode: 'all-in-one' });
      peers.push(peer);
      return peer;
    },
    async stop() {
      for (const p of peers) await p.stop();
      await current.system.stop();
      await scratch?.drop();
      if (dataDir !== 'memory://') rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return t;
}
