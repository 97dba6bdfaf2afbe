/**
 * Starts the real Dash (broker, HTTP server, database) on port 0 for one test file, with
 * an admin logged in and helpers to provision sites, categories and devices through the API.
 */
import pino from 'pino';
import { loadConfig } from '../../server/src/config.ts';
import { startSystem, type System } from '../../server/src/system.ts';
import { Api } from './api.ts';
import { createScratchDatabase, type TestDatabase } from './databases.ts';
import { connectDevice } from './device.ts';

export const ADMIN = { email: 'admin@dash.test', password: 'admin-pass-123' };
export type LogLine = { level: number; msg: string; [k: string]: unknown };

export type TestSystem = Awaited<ReturnType<typeof startTestSystem>>;

export async function startTestSystem(db: TestDatabase, env: Record<string, string> = {}) {
  const scratch = db.url ? await createScratchDatabase(db.url) : null;
  const logs: LogLine[] = [];
  const log = pino({ level: 'debug' }, { write: (line: string) => void logs.push(JSON.parse(line)) });
  const loaded = loadConfig({
    HTTP_PORT: '0', MQTT_PORT: '0', HOST: '127.0.0.1', DATA_DIR: 'memory://', ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password,
    TELEMETRY_FLUSH_MS: '50', ...(scratch && { DATABASE_URL: scratch.url }), ...env,
  });
  if (!loaded.ok) throw new Error(loaded.problems.join('\n'));
  const system: System = await startSystem({ config: loaded.config, log, mode: 'all-in-one' });
  const httpUrl = `http://127.0.0.1:${system.httpPort}`;
  const mqttUrl = `mqtt://127.0.0.1:${system.mqttPort}`;
  const api = new Api(httpUrl);
  await api.login(ADMIN.email, ADMIN.password);
  let n = 0;

  return {
    system, api, logs, httpUrl, mqttUrl, config: loaded.config,
    async site(overrides: Record<string, unknown> = {}) {
      return api.ok('POST', '/api/sites', { code: `site-${++n}`, name: `Branch ${n}`, timezone: 'Europe/Warsaw', ...overrides });
    },
    async category(overrides: Record<string, unknown> = {}) {
      return api.ok('POST', '/api/categories', { key: `cat-${++n}`, name: `Category ${n}`, defaultPriority: 'P3', ...overrides });
    },
    /** Provisions a device mapped button → category and returns its credentials. */
    async device(siteId: string, buttons: { button: number; categoryId: string }[], overrides: Record<string, unknown> = {}) {
      const res = await api.ok('POST', '/api/devices', { id: `dev-${++n}`, name: `Button ${n}`, siteId, kind: 'esp32', buttons, ...overrides });
      return res as { device: { id: string }; credentials: { username: string; password: string } };
    },
    /** A site, a category and a connected device with button 0 mapped to it. */
    async connectedDevice() {
      const site = await this.site();
      const category = await this.category();
      const { credentials } = await this.device(site.id, [{ button: 0, categoryId: category.id }]);
      const device = await connectDevice(mqttUrl, credentials.username, credentials.password);
      return { site, category, credentials, device };
    },
    logged(pattern: RegExp) {
      return logs.filter((l) => pattern.test(l.msg));
    },
    async stop() {
      await system.stop();
      await scratch?.drop();
    },
  };
}
