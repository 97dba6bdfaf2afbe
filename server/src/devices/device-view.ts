import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';
import type { Device } from '../db/schema.ts';
import { deviceButtons, devices, presses } from '../db/schema.ts';
import { AppError } from '../errors.ts';
import { type BatteryReading, batteryDaysLeft } from './domain/battery-estimate.ts';

export type ButtonView = { button: number; categoryId: string; label: string | null; color: string | null };

export const batteryReference = (d: Pick<Device, 'batteryRefPct' | 'batteryRefAt'>): BatteryReading | null =>
  (d.batteryRefPct !== null && d.batteryRefAt ? { pct: d.batteryRefPct, at: d.batteryRefAt } : null);
export const latestBattery = (d: Pick<Device, 'batteryPct' | 'telemetryAt'>): BatteryReading | null =>
  (d.batteryPct !== null && d.telemetryAt ? { pct: d.batteryPct, at: d.telemetryAt } : null);

/**
 * A device as the API shows it: never its secret hash; with the battery's days-left estimate
 * (null: not enough data) and whether it has recorded presses (then it can only be disabled, not deleted).
 */
export function toDeviceView(d: Device, buttons: ButtonView[], hasPresses: boolean) {
  const { secretHash: _secret, ...rest } = d;
  return { ...rest, batteryDaysLeft: batteryDaysLeft(batteryReference(d), latestBattery(d)), hasPresses, buttons };
}
export type DeviceView = ReturnType<typeof toDeviceView>;

export async function loadButtons(db: DbOrTx, deviceIds: string[]): Promise<Map<string, ButtonView[]>> {
  const byDevice = new Map<string, ButtonView[]>();
  if (deviceIds.length === 0) return byDevice;
  const rows = await db.select().from(deviceButtons).where(inArray(deviceButtons.deviceId, deviceIds)).orderBy(asc(deviceButtons.button));
  for (const { deviceId, ...b } of rows) byDevice.set(deviceId, [...(byDevice.get(deviceId) ?? []), b]);
  return byDevice;
}

/** Which of these devices have at least one recorded press (one EXISTS probe per device on the presses index). */
export async function withPresses(db: DbOrTx, deviceIds: string[]): Promise<Set<string>> {
  if (deviceIds.length === 0) return new Set();
  const rows = await db.select({ id: devices.id }).from(devices)
    .where(and(inArray(devices.id, deviceIds), sql`exists (select 1 from ${presses} where ${presses.deviceId} = ${devices.id})`));
  return new Set(rows.map((r) => r.id));
}

export async function getDeviceView(db: DbOrTx, id: string): Promise<DeviceView> {
  const [row] = await db.select().from(devices).where(eq(devices.id, id));
  if (!row) throw new AppError('NOT_FOUND', `device ${id} does not exist`);
  const buttons = await loadButtons(db, [id]);
  const pressed = await withPresses(db, [id]);
  return toDeviceView(row, buttons.get(id) ?? [], pressed.has(id));
}
