import type { GatewayContext } from '../context.ts';
import { decodePayload } from '../mqtt/contract.ts';
import { rejectPayload } from './reject.ts';

/** `dash/<id>/$state` (retained; `lost` arrives as the will): presence for the device list, written coalesced. */
export function handleState(ctx: GatewayContext, deviceId: string, payload: Buffer): void {
  const decoded = decodePayload('$state', payload);
  if (!decoded.ok) return rejectPayload(ctx, deviceId, '$state', decoded.reason, decoded.issues, payload);
  ctx.telemetry.recordState(deviceId, decoded.value, ctx.now());
}
