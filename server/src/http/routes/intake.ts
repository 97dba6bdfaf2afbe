/**
 * `POST /api/intake/presses`: presses in the device contract's shape, idempotent by pressId.
 * Split gateways send their receive times with the gateway token; people (the virtual button)
 * are timed by the server and limited to devices of their own site when they are staff.
 */
import { inArray } from 'drizzle-orm';
import { Hono } from 'hono';
import { z } from 'zod';
import { DeviceId, PressPayload, TelemetryPayload } from '../../../../gateway/src/mqtt/contract.ts';
import { devices } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import { reportPresses } from '../../tickets/report-presses.ts';
import type { AppEnv } from '../env.ts';
import { parseJson } from '../validate.ts';

export const IntakeBody = z.strictObject({
  presses: z.array(z.strictObject({
    deviceId: DeviceId, receivedAt: z.iso.datetime().optional(), press: PressPayload,
    /** Split gateways pass on telemetry they have not written yet (ignored from people). */
    telemetry: z.strictObject({ data: TelemetryPayload.omit({ v: true }), at: z.iso.datetime() }).optional(),
  })).min(1).max(500),
});

export function intakeRoutes() {
  const r = new Hono<AppEnv>();
  r.post('/presses', async (c) => {
    const principal = c.get('principal');
    if (!principal) throw new AppError('UNAUTHORIZED', 'send the gateway token (Authorization: Bearer …) or log in');
    const body = await parseJson(c, IntakeBody);
    const deps = c.get('deps');
    const now = deps.now();
    if (principal.kind === 'user') await checkStaffSite(deps, principal.user, body.presses.map((p) => p.deviceId));
    const inputs = body.presses.map((p) => ({
      deviceId: p.deviceId,
      press: p.press,
      // Only a gateway's clock is trusted for receive times; it saw the MQTT packet arrive.
      receivedAt: principal.kind === 'gateway' && p.receivedAt ? new Date(p.receivedAt) : now,
      source: principal.kind === 'gateway' ? ('button' as const) : ('virtual' as const),
      telemetry: principal.kind === 'gateway' && p.telemetry ? { data: p.telemetry.data, at: new Date(p.telemetry.at) } : null,
    }));
    const results = await reportPresses(deps.tickets, inputs);
    return c.json({ results });
  });
  return r;
}

async function checkStaffSite(deps: AppEnv['Variables']['deps'], user: { role: string; siteId: string | null }, ids: string[]) {
  if (user.role !== 'staff') return;
  const rows = await deps.database.db.select({ id: devices.id, siteId: devices.siteId }).from(devices).where(inArray(devices.id, ids));
  const foreign = rows.find((d) => d.siteId !== user.siteId);
  if (foreign) throw new AppError('FORBIDDEN', `device ${foreign.id} belongs to another site`);
}
