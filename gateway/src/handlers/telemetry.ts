import type { GatewayContext } from '../context.ts';
import { decodePayload } from '../mqtt/contract.ts';
import { rejectPayload } from './reject.ts';

/** `dash/<id>/telemetry`: kept as the device snapshot, coalesced to one write per second. */
export function handleTelemetry(ctx: GatewayContext, deviceId: string, payload: Buffer): void {
  const decoded = decodePayload('telemetry', payload);
  if (!decoded.ok) return rejectPayload(ctx, deviceId, 'telemetry', decoded.reason, decoded.issues, payload);
  ctx.stats.telemetry++;
  const { v: _v, ...data } = decoded.value;
  ctx.telemetry.record(deviceId, data, ctx.now());
}
