/** Device provisioning verbs: create with a fresh secret (shown once), rotate, map a button. */
import { randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { audit } from '../audit/audit.ts';
import { DEVICE_SECRET_COST, generateSecret, hashSecret } from '../auth/password.ts';
import type { Db } from '../db/client.ts';
import { sqlState } from '../db/errors.ts';
import { categories, DEVICE_KINDS, deviceButtons, devices, sites } from '../db/schema.ts';
import { AppError } from '../errors.ts';
import { DeviceId } from '../../../gateway/src/mqtt/contract.ts';
import { getDeviceView } from './device-view.ts';

export const ButtonMapping = z.strictObject({
  button: z.number().int().min(0).max(15),
  categoryId: z.uuid(),
  label: z.string().max(40).optional(),
  color: z.string().max(20).optional(),
});

export const DeviceInput = z.strictObject({
  id: DeviceId.optional(),
  name: z.string().trim().min(1).max(200),
  siteId: z.uuid(),
  kind: z.enum(DEVICE_KINDS).default('esp32'),
  buttonCount: z.number().int().min(1).max(16).optional(),
  /** Check-in interval; default 6 h for battery buttons (each wake costs battery), 1 h for mains devices. */
  heartbeatS: z.number().int().min(10).max(7 * 86_400).optional(),
  buttons: z.array(ButtonMapping).max(16).default([]),
});
export type DeviceInput = z.infer<typeof DeviceInput>;

export type Credentials = { username: string; password: string };

/** `btn-` and 10 base-32 characters: readable on a label, unique enough. */
function newDeviceId(): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyz23456789';
  return 'btn-' + [...randomBytes(10)].map((b) => alphabet[b % alphabet.length]).join('');
}

export async function provisionDevice(db: Db, input: DeviceInput, actor: string) {
  const id = input.id ?? newDeviceId();
  const password = generateSecret();
  const secretHash = await hashSecret(password, DEVICE_SECRET_COST);
  const buttonCount = input.buttonCount ?? Math.max(1, ...input.buttons.map((b) => b.button + 1));
  try {
    const device = await db.transaction(async (tx) => {
      const [site] = await tx.select({ id: sites.id }).from(sites).where(eq(sites.id, input.siteId));
      if (!site) throw new AppError('VALIDATION', `invalid body: siteId: site ${input.siteId} does not exist`);
      const heartbeatS = input.heartbeatS ?? (input.kind === 'esp32' ? 21_600 : 3600);
      await tx.insert(devices).values({ id, name: input.name, siteId: input.siteId, kind: input.kind, buttonCount, heartbeatS, secretHash });
      for (const b of input.buttons) await mapButton(tx as unknown as Db, id, b);
      await refreshUnmapped(tx as unknown as Db, id);
      await audit(tx, actor, 'create', 'device', id, { ...input, id });
      return getDeviceView(tx, id);
    });
    return { device, credentials: { username: id, password } satisfies Credentials };
  } catch (err) {
    if (sqlState(err) === '23505') throw new AppError('CONFLICT', `device ${id} already exists; rotate its secret to get new credentials`);
    throw err;
  }
}

export async function rotateDeviceSecret(db: Db, id: string, actor: string) {
  const password = generateSecret();
  const secretHash = await hashSecret(password, DEVICE_SECRET_COST);
  const [row] = await db.update(devices).set({ secretHash, updatedAt: new Date() }).where(eq(devices.id, id)).returning({ id: devices.id });
  if (!row) throw new AppError('NOT_FOUND', `device ${id} does not exist`);
  await audit(db, actor, 'rotate-secret', 'device', id);
  return { credentials: { username: id, password } satisfies Credentials };
}

/** Maps (or remaps) one button; clears the `unmapped` flag once every button has a category. */
export async function mapButton(db: Db, deviceId: string, b: z.infer<typeof ButtonMapping>): Promise<void> {
  const [category] = await db.select({ id: categories.id }).from(categories).where(eq(categories.id, b.categoryId));
  if (!category) throw new AppError('VALIDATION', `invalid body: categoryId: category ${b.categoryId} does not exist`);
  const values = { deviceId, button: b.button, categoryId: b.categoryId, label: b.label ?? null, color: b.color ?? null };
  await db.insert(deviceButtons).values(values).onConflictDoUpdate({ target: [deviceButtons.deviceId, deviceButtons.button], set: values });
  await db.update(devices).set({ buttonCount: sql`greatest(${devices.buttonCount}, ${b.button + 1})` }).where(eq(devices.id, deviceId));
  await refreshUnmapped(db, deviceId);
}

/** `unmapped`: some button below buttonCount has no category (its presses go to triage). */
async function refreshUnmapped(db: Db, deviceId: string): Promise<void> {
  await db.update(devices).set({
    unmapped: sql`exists (select 1 from generate_series(0, ${devices.buttonCount} - 1) g
      where not exists (select 1 from ${deviceButtons} m where m.device_id = ${deviceId} and m.button = g))`,
  }).where(eq(devices.id, deviceId));
}
