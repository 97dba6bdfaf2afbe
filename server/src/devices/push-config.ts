/**
 * Pushes a device's button configuration (labels, colours, timings) as a retained `config`
 * downlink (design §2), so a button learns its mapping whenever it changes or it reconnects.
 * A label is the button's own, else its category's name in the site's language (issue 8),
 * else the category's plain name.
 */
import { asc, eq, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { categories, deviceButtons, devices, sites } from '../db/schema.ts';
import { localized, pickLocale } from '../i18n/locales.ts';
import type { DeviceDownlink } from '../tickets/deps.ts';

/** Classifier timings of the firmware (hold ≥ 1.5 s, second press within 400 ms). */
export const HOLD_MS = 1500;
export const DOUBLE_MS = 400;
const PALETTE = ['blue', 'green', 'orange', 'purple', 'red', 'yellow', 'cyan', 'white'];

export async function pushDeviceConfig(db: Db, downlink: DeviceDownlink | null, deviceId: string): Promise<void> {
  if (!downlink) return;
  const [device] = await db.select({ heartbeatS: devices.heartbeatS, kind: devices.kind, language: sites.language })
    .from(devices).innerJoin(sites, eq(sites.id, devices.siteId)).where(eq(devices.id, deviceId));
  if (!device || device.kind === 'virtual') return;
  const locale = pickLocale([device.language]);
  const rows = await db.select({
    button: deviceButtons.button, label: deviceButtons.label, color: deviceButtons.color, name: categories.name, names: categories.names,
  })
    .from(deviceButtons).innerJoin(categories, eq(categories.id, deviceButtons.categoryId))
    .where(eq(deviceButtons.deviceId, deviceId)).orderBy(asc(deviceButtons.button));
  downlink.config(deviceId, {
    buttons: rows.map((r) => ({
      button: r.button, label: [...(r.label ?? localized(r.name, r.names, locale))].slice(0, 40).join(''), color: r.color ?? PALETTE[r.button % PALETTE.length]!,
    })),
    holdMs: HOLD_MS,
    doubleMs: DOUBLE_MS,
    heartbeatS: device.heartbeatS,
  });
}

/**
 * Pushes the config of every (non-virtual) device `which` selects, e.g. those showing a renamed
 * category or at a site whose language changed, so their labels follow at once.
 */
export async function pushConfigOfDevices(db: Db, downlink: DeviceDownlink | null, which: SQL): Promise<number> {
  if (!downlink) return 0;
  const rows = await db.selectDistinct({ id: devices.id }).from(devices)
    .leftJoin(deviceButtons, eq(deviceButtons.deviceId, devices.id)).where(which);
  for (const { id } of rows) await pushDeviceConfig(db, downlink, id);
  return rows.length;
}
