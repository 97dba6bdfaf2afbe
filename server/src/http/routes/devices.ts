import { and, asc, eq, gt } from 'drizzle-orm';
import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { audit } from '../../audit/audit.ts';
import { isStillReferenced, sqlState } from '../../db/errors.ts';
import { DEVICE_KINDS, deviceButtons, devices } from '../../db/schema.ts';
import { getDeviceView, loadButtons, toDeviceView, withPresses } from '../../devices/device-view.ts';
import { deviceEndpoints } from '../../devices/endpoints.ts';
import { ImportBody, importDevices } from '../../devices/import-devices.ts';
import { pushDeviceConfig } from '../../devices/push-config.ts';
import { ButtonMapping, DeviceInput, mapButton, provisionDevice, rotateDeviceSecret } from '../../devices/provision.ts';
import { AppError } from '../../errors.ts';
import { actorOf, requireUser } from '../auth.ts';
import type { AppEnv } from '../env.ts';
import { PageQuery } from '../pagination.ts';
import { parseJson, parseQuery } from '../validate.ts';

export const DevicePatch = z.strictObject({
  name: z.string().trim().min(1).max(200).optional(),
  siteId: z.uuid().optional(),
  kind: z.enum(DEVICE_KINDS).optional(),
  disabled: z.boolean().optional(),
  heartbeatS: z.number().int().min(10).max(7 * 86_400).optional(),
  buttonCount: z.number().int().min(1).max(16).optional(),
});
export const ButtonParam = z.coerce.number().int().min(0).max(15);

/** Where the new credentials are used: the broker addresses, for the page that shows them once. */
const connectionOf = (c: Context<AppEnv>) => deviceEndpoints(c.get('deps').listenFacts?.() ?? null, c.req.url);

export function deviceRoutes() {
  const r = new Hono<AppEnv>();

  r.get('/', requireUser('admin', 'manager', 'agent'), async (c) => {
    const q = parseQuery(c, PageQuery.extend({ siteId: z.uuid().optional() }));
    const { db } = c.get('deps').database;
    const rows = await db.select().from(devices)
      .where(and(q.cursor ? gt(devices.id, q.cursor) : undefined, q.siteId ? eq(devices.siteId, q.siteId) : undefined))
      .orderBy(asc(devices.id)).limit(q.limit + 1);
    const items = rows.slice(0, q.limit);
    const ids = items.map((d) => d.id);
    const [buttons, pressed] = await Promise.all([loadButtons(db, ids), withPresses(db, ids)]);
    return c.json({
      items: items.map((d) => toDeviceView(d, buttons.get(d.id) ?? [], pressed.has(d.id))),
      nextCursor: rows.length > q.limit ? items[items.length - 1]!.id : null,
    });
  });

  r.post('/', requireUser('admin'), async (c) => {
    const input = await parseJson(c, DeviceInput);
    const created = await provisionDevice(c.get('deps').database.db, input, actorOf(c));
    await pushDeviceConfig(c.get('deps').database.db, c.get('deps').tickets.downlink, created.device.id);
    return c.json({ ...created, connection: connectionOf(c) }, 201);
  });

  r.post('/import', requireUser('admin'), async (c) => {
    const isCsv = (c.req.header('content-type') ?? '').toLowerCase().startsWith('text/csv');
    const body = isCsv ? { csv: await c.req.text(), dryRun: c.req.query('dryRun') === 'true' } : await parseJson(c, ImportBody);
    if (!body.csv.trim()) throw new AppError('VALIDATION', 'invalid body: csv: the file is empty');
    const { db } = c.get('deps').database;
    const rows = await importDevices(db, c.get('deps').tickets.downlink, body.csv, body.dryRun, actorOf(c));
    const created = body.dryRun ? 0 : rows.filter((r) => r.ok).length;
    return c.json({ dryRun: body.dryRun, created, failed: rows.filter((r) => !r.ok).length, rows, connection: connectionOf(c) });
  });

  r.get('/:id', requireUser('admin', 'manager', 'agent'), async (c) => c.json(await getDeviceView(c.get('deps').database.db, c.req.param('id'))));

  r.patch('/:id', requireUser('admin'), async (c) => {
    const input = await parseJson(c, DevicePatch);
    const { db } = c.get('deps').database;
    const id = c.req.param('id');
    await getDeviceView(db, id);
    await db.update(devices).set({ ...input, updatedAt: new Date() }).where(eq(devices.id, id)).catch((err: unknown) => {
      throw sqlState(err) === '23503' ? new AppError('VALIDATION', `invalid body: siteId: site ${input.siteId} does not exist`) : err;
    });
    await audit(db, actorOf(c), 'update', 'device', id, input);
    if (input.heartbeatS !== undefined) await pushDeviceConfig(db, c.get('deps').tickets.downlink, id);
    if (input.disabled) c.get('deps').kickDevice?.(id);
    return c.json(await getDeviceView(db, id));
  });

  r.delete('/:id', requireUser('admin'), async (c) => {
    const { db } = c.get('deps').database;
    const id = c.req.param('id');
    await getDeviceView(db, id);
    await db.delete(devices).where(eq(devices.id, id)).catch((err: unknown) => {
      if (isStillReferenced(err)) throw new AppError('CONFLICT', `device ${id} has recorded presses; disable it instead (PATCH {"disabled": true}) to keep the history`);
      throw err;
    });
    await audit(db, actorOf(c), 'delete', 'device', id);
    c.get('deps').kickDevice?.(id);
    return c.body(null, 204);
  });

  r.put('/:id/buttons/:button', requireUser('admin'), async (c) => {
    const button = ButtonParam.safeParse(c.req.param('button'));
    if (!button.success) throw new AppError('VALIDATION', 'invalid path: button: must be a whole number 0–15');
    const input = await parseJson(c, ButtonMapping.omit({ button: true }));
    const { db } = c.get('deps').database;
    const id = c.req.param('id');
    await getDeviceView(db, id);
    await db.transaction(async (tx) => {
      await mapButton(tx as unknown as typeof db, id, { ...input, button: button.data });
      await audit(tx, actorOf(c), 'map-button', 'device', id, { button: button.data, ...input });
    });
    await pushDeviceConfig(db, c.get('deps').tickets.downlink, id);
    return c.json(await getDeviceView(db, id));
  });

  r.delete('/:id/buttons/:button', requireUser('admin'), async (c) => {
    const button = ButtonParam.safeParse(c.req.param('button'));
    if (!button.success) throw new AppError('VALIDATION', 'invalid path: button: must be a whole number 0–15');
    const { db } = c.get('deps').database;
    const id = c.req.param('id');
    const device = await getDeviceView(db, id);
    await db.delete(deviceButtons).where(and(eq(deviceButtons.deviceId, id), eq(deviceButtons.button, button.data)));
    // A button beyond the device's count leaves no hole: only an unmapped button in range flags the device.
    if (button.data < device.buttonCount) await db.update(devices).set({ unmapped: true }).where(eq(devices.id, id));
    await audit(db, actorOf(c), 'unmap-button', 'device', id, { button: button.data });
    await pushDeviceConfig(db, c.get('deps').tickets.downlink, id);
    return c.json(await getDeviceView(db, id));
  });

  r.post('/:id/rotate-secret', requireUser('admin'), async (c) => {
    const result = await rotateDeviceSecret(c.get('deps').database.db, c.req.param('id'), actorOf(c));
    c.get('deps').kickDevice?.(c.req.param('id')); // the old secret stops working now, not at the next reconnect
    return c.json({ ...result, connection: connectionOf(c) });
  });
  return r;
}
