/**
 * Fleets for the workloads. Small fleets go through the HTTP API as an admin would
 * (POST /api/sites, /api/categories, /api/devices); the 10,000-device fleets are written
 * with SQL in one go (setup, not the thing measured), with a secret hashed by the product's
 * own hashSecret at the device cost, so each first CONNECT still pays one scrypt check.
 */
import { DEVICE_SECRET_COST, hashSecret } from '../../server/src/auth/password.ts';
import type { Sut } from './sut-control.ts';

export const BENCH_ADMIN = { email: 'bench@dash.test', password: 'bench-pass-123' };

export type FleetDevice = { id: string; password: string };

export class Api {
  private cookie = '';
  constructor(readonly baseUrl: string) {}

  get sessionCookie(): string {
    return this.cookie;
  }

  async ok<T = Record<string, unknown>>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(new URL(path, this.baseUrl), {
      method,
      headers: { 'content-type': 'application/json', ...(this.cookie && { cookie: this.cookie }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0]!;
    const text = await res.text();
    if (res.status >= 300) throw new Error(`${method} ${path} → ${res.status}: ${text.slice(0, 300)}`);
    return (text ? JSON.parse(text) : null) as T;
  }

  static async login(baseUrl: string): Promise<Api> {
    const api = new Api(baseUrl);
    await api.ok('POST', '/api/auth/login', BENCH_ADMIN);
    return api;
  }
}

/** Runs `task(i)` for i in [0, n) with at most `limit` at once. */
export async function forEachLimit(n: number, limit: number, task: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < n) await task(next++);
  };
  await Promise.all(Array.from({ length: Math.min(limit, n) }, worker));
}

/**
 * `devices` devices through the API, `categories` categories, one site per `categories`
 * devices, so every device reports its own (site, category): one open ticket per device.
 */
export async function provisionViaApi(api: Api, o: { devices: number; categories: number }): Promise<FleetDevice[]> {
  const cats: { id: string }[] = [];
  for (let c = 0; c < o.categories; c++) cats.push(await api.ok<{ id: string }>('POST', '/api/categories', { key: `bench-${c}`, name: `Bench category ${c}` }));
  const siteCount = Math.ceil(o.devices / o.categories);
  const sites: { id: string }[] = new Array(siteCount);
  await forEachLimit(siteCount, 8, async (s) => {
    sites[s] = await api.ok<{ id: string }>('POST', '/api/sites', { code: `bench-${s}`, name: `Bench site ${s}` });
  });
  const fleet: FleetDevice[] = new Array(o.devices);
  await forEachLimit(o.devices, 8, async (i) => {
    const res = await api.ok<{ credentials: { username: string; password: string } }>('POST', '/api/devices', {
      id: `bench-${i}`, name: `Bench button ${i}`, siteId: sites[Math.floor(i / o.categories)]!.id, kind: 'other',
      buttons: [{ button: 0, categoryId: cats[i % o.categories]!.id }],
    });
    fleet[i] = { id: res.credentials.username, password: res.credentials.password };
  });
  return fleet;
}

/** `devices` devices, `perSite` to a site, button 0 mapped round-robin over `categories` categories; one shared secret. */
export async function provisionViaSql(sut: Sut, o: { devices: number; perSite: number; categories: number }): Promise<FleetDevice[]> {
  const secret = 'bench-fleet-secret-0123456789';
  const hash = await hashSecret(secret, DEVICE_SECRET_COST);
  const sites = Math.ceil(o.devices / o.perSite);
  await sut.sql(`
    insert into categories (key, name) select 'fleet-' || g, 'Fleet category ' || g from generate_series(0, ${o.categories - 1}) g;
    insert into sites (code, name) select 'fleet-' || g, 'Fleet site ' || g from generate_series(0, ${sites - 1}) g;
    insert into devices (id, name, site_id, kind, secret_hash)
      select 'fleet-' || g, 'Fleet button ' || g, s.id, 'other', '${hash}'
      from generate_series(0, ${o.devices - 1}) g join sites s on s.code = 'fleet-' || (g / ${o.perSite});
    insert into device_buttons (device_id, button, category_id)
      select 'fleet-' || g, 0, c.id from generate_series(0, ${o.devices - 1}) g join categories c on c.key = 'fleet-' || (g % ${o.categories});
  `);
  return Array.from({ length: o.devices }, (_, i) => ({ id: `fleet-${i}`, password: secret }));
}
