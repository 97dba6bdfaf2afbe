/**
 * The device calls of the app (fleet, detail, provisioning, mapping, CSV import). Answers are
 * checked with zod's small build; devices.check.ts proves the server's shapes fit.
 */
import { z } from 'zod/mini';
import { request } from './http.ts';
import { pageOf } from './schemas.ts';

const maybeTime = z.nullable(z.string());
export const DEVICE_KINDS = ['esp32', 'pi', 'virtual', 'other'] as const;
export type DeviceKind = (typeof DEVICE_KINDS)[number];

export const DeviceButton = z.object({ button: z.number(), categoryId: z.string(), label: z.nullable(z.string()), color: z.nullable(z.string()) });
export type DeviceButton = z.infer<typeof DeviceButton>;

export const Device = z.object({
  id: z.string(), name: z.string(), siteId: z.string(), kind: z.enum(DEVICE_KINDS), buttonCount: z.number(),
  disabled: z.boolean(), unmapped: z.boolean(), heartbeatS: z.number(),
  state: z.nullable(z.string()), stateAt: maybeTime, lastSeenAt: maybeTime,
  batteryMv: z.nullable(z.number()), batteryPct: z.nullable(z.number()), batteryDaysLeft: z.nullable(z.number()),
  rssi: z.nullable(z.number()), uptimeS: z.nullable(z.number()), fw: z.nullable(z.string()), pending: z.nullable(z.number()),
  extra: z.nullable(z.record(z.string(), z.unknown())), telemetryAt: maybeTime, createdAt: z.string(),
  hasPresses: z.boolean(), buttons: z.array(DeviceButton),
});
export type Device = z.infer<typeof Device>;

export const Connection = z.object({
  mqtt: z.array(z.object({ url: z.string(), host: z.string(), port: z.number(), tls: z.boolean() })),
  websocket: z.nullable(z.string()),
});
export type Connection = z.infer<typeof Connection>;

const Credentials = z.object({ username: z.string(), password: z.string() });
export const Provisioned = z.object({ device: Device, credentials: Credentials, connection: Connection });
export const Rotated = z.object({ credentials: Credentials, connection: Connection });
export type Credentials = z.infer<typeof Credentials>;

export const ImportRow = z.object({
  row: z.number(), ok: z.boolean(), deviceId: z.nullable(z.string()), name: z.nullable(z.string()), site: z.nullable(z.string()),
  secret: z.optional(z.string()), error: z.optional(z.string()),
});
export type ImportRow = z.infer<typeof ImportRow>;
export const ImportAnswer = z.object({
  dryRun: z.boolean(), created: z.number(), failed: z.number(), rows: z.array(ImportRow), connection: Connection,
});
export type ImportAnswer = z.infer<typeof ImportAnswer>;

export type DeviceInput = { id?: string; name: string; siteId: string; kind: DeviceKind; buttonCount: number; heartbeatS?: number };
export type DevicePatch = { name?: string; disabled?: boolean; heartbeatS?: number; buttonCount?: number };

const Nothing = z.unknown();
const at = (id: string) => `/api/devices/${encodeURIComponent(id)}`;

export const devicesApi = {
  /** Every device (the fleet is hundreds, not millions: the list pages through them all). */
  async list(): Promise<Device[]> {
    const items: Device[] = [];
    let cursor: string | null = null;
    for (let i = 0; i < 20; i++) {
      const page: { items: Device[]; nextCursor: string | null } = await request('GET', `/api/devices?limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, pageOf(Device));
      items.push(...page.items);
      cursor = page.nextCursor;
      if (!cursor) break;
    }
    return items;
  },
  get: (id: string) => request('GET', at(id), Device),
  provision: (input: DeviceInput) => request('POST', '/api/devices', Provisioned, input),
  patch: (id: string, patch: DevicePatch) => request('PATCH', at(id), Device, patch),
  remove: (id: string) => request('DELETE', at(id), Nothing),
  mapButton: (id: string, button: number, categoryId: string) => request('PUT', `${at(id)}/buttons/${button}`, Device, { categoryId }),
  unmapButton: (id: string, button: number) => request('DELETE', `${at(id)}/buttons/${button}`, Device),
  rotateSecret: (id: string) => request('POST', `${at(id)}/rotate-secret`, Rotated, {}),
  importCsv: (csv: string, dryRun: boolean) => request('POST', '/api/devices/import', ImportAnswer, { csv, dryRun }),
};
