/**
 * Provisioning through the HTTP API: log in, make sure the site and the three sim categories
 * exist, then create devices (or rotate the secret of one that already exists).
 */
import { z } from 'zod';
import { ApiError, type ApiClient } from './api-client.ts';
import { DeviceCredentials } from './credentials-file.ts';
import type { Log } from './log.ts';

/** Buttons 0..2 of every sim device map to these, in order. */
export const SIM_CATEGORIES = [
  { key: 'printer', name: 'Printer', defaultPriority: 'P3' },
  { key: 'register', name: 'Cash register', defaultPriority: 'P2' },
  { key: 'network', name: 'Network', defaultPriority: 'P2' },
] as const;

const Site = z.looseObject({ id: z.string(), code: z.string() });
const Category = z.looseObject({ id: z.string(), key: z.string() });
const page = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), nextCursor: z.string().nullish() });
const Issued = z.object({ credentials: DeviceCredentials });

export type ProvisionOptions = { email: string; password: string | undefined; site: string };
export type Provisioner = {
  /** Credentials for a device not in the cache: created, or rotated if it already exists. */
  ensureDevice(deviceId: string): Promise<DeviceCredentials>;
  /** New credentials for a device the broker refused; re-created if the server forgot it. */
  rotate(deviceId: string): Promise<DeviceCredentials>;
};

type Setup = { siteId: string; categoryIds: string[] };

export function deviceIdFor(site: string, index: number): string {
  return `sim-${site}-${String(index + 1).padStart(3, '0')}`;
}

export function createProvisioner(api: ApiClient, options: ProvisionOptions, log: Log): Provisioner {
  let setup: Promise<Setup> | undefined;
  // Only the first need for the API logs in, so a rerun with cached secrets works without it.
  const ready = () => (setup ??= prepare(api, options, log).catch((error: unknown) => {
    setup = undefined;
    throw error;
  }));

  async function create(deviceId: string): Promise<DeviceCredentials> {
    const { siteId, categoryIds } = await ready();
    const buttons = categoryIds.map((categoryId, button) => ({ button, categoryId }));
    const body = { id: deviceId, name: `Simulated button ${deviceId}`, siteId, kind: 'other', buttons };
    const created = await api.request('POST', '/api/devices', Issued, body);
    log.info({ device: deviceId }, 'provisioned');
    return created.credentials;
  }

  async function rotateSecret(deviceId: string): Promise<DeviceCredentials> {
    await ready();
    const path = `/api/devices/${encodeURIComponent(deviceId)}/rotate-secret`;
    const rotated = await api.request('POST', path, Issued, {});
    log.info({ device: deviceId }, 'secret rotated');
    return rotated.credentials;
  }

  return {
    ensureDevice: (deviceId) => create(deviceId).catch((error: unknown) => {
      if (error instanceof ApiError && error.code === 'CONFLICT') return rotateSecret(deviceId);
      throw error;
    }),
    rotate: (deviceId) => rotateSecret(deviceId).catch((error: unknown) => {
      if (error instanceof ApiError && error.code === 'NOT_FOUND') return create(deviceId);
      throw error;
    }),
  };
}

async function prepare(api: ApiClient, options: ProvisionOptions, log: Log): Promise<Setup> {
  if (!options.password) {
    throw new Error('provisioning needs the admin password: pass --password or set DASH_ADMIN_PASSWORD');
  }
  await api.request('POST', '/api/auth/login', z.unknown(), { email: options.email, password: options.password });
  const siteId = await ensureSite(api, options.site, log);
  const categoryIds: string[] = [];
  for (const category of SIM_CATEGORIES) categoryIds.push(await ensureCategory(api, category, log));
  return { siteId, categoryIds };
}

/** Find-or-create; a CONFLICT means another sim created it meanwhile, so look again. */
async function findOrCreate(find: () => Promise<string | undefined>, create: () => Promise<string>): Promise<string> {
  const found = await find();
  if (found) return found;
  try {
    return await create();
  } catch (error) {
    const again = error instanceof ApiError && error.code === 'CONFLICT' ? await find() : undefined;
    if (again) return again;
    throw error;
  }
}

async function ensureSite(api: ApiClient, code: string, log: Log): Promise<string> {
  return findOrCreate(
    async () => (await api.request('GET', `/api/sites?code=${encodeURIComponent(code)}`, page(Site))).items.find((s) => s.code === code)?.id,
    async () => {
      const site = await api.request('POST', '/api/sites', Site, { code, name: `Simulator (${code})`, timezone: 'UTC' });
      log.info({ site: code }, 'site created');
      return site.id;
    },
  );
}

async function ensureCategory(api: ApiClient, category: (typeof SIM_CATEGORIES)[number], log: Log): Promise<string> {
  return findOrCreate(
    async () => (await listAll(api, '/api/categories', Category)).find((c) => c.key === category.key)?.id,
    async () => {
      const created = await api.request('POST', '/api/categories', Category, { ...category });
      log.info({ category: category.key }, 'category created');
      return created.id;
    },
  );
}

/** Follows `nextCursor`; 50 pages is far more than any category list. */
async function listAll<T extends z.ZodType>(api: ApiClient, path: string, item: T): Promise<z.infer<T>[]> {
  const items: z.infer<T>[] = [];
  let cursor: string | null | undefined;
  for (let pageNo = 0; pageNo < 50; pageNo += 1) {
    const url = cursor ? `${path}?cursor=${encodeURIComponent(cursor)}` : path;
    const result = await api.request('GET', url, page(item));
    items.push(...result.items);
    cursor = result.nextCursor;
    if (!cursor) break;
  }
  return items;
}
