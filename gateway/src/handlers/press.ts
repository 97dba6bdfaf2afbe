/**
 * `dash/<id>/press`: committed before the PUBACK (design §2 durability rule). Runs inside
 * Aedes' authorizePublish, the only hook that runs before the PUBACK is written: an error
 * here closes the connection without a PUBACK, and the device retries the same pressId.
 */
import type { GatewayContext } from '../context.ts';
import type { AckPayload } from '../mqtt/contract.ts';
import { decodePayload } from '../mqtt/contract.ts';
import { rejectPayload } from './reject.ts';

export type PressHandled = { error: Error | null; ack: AckPayload | null };

export async function handlePress(ctx: GatewayContext, deviceId: string, payload: Buffer): Promise<PressHandled> {
  const decoded = decodePayload('press', payload);
  if (!decoded.ok) {
    rejectPayload(ctx, deviceId, 'press', decoded.reason, decoded.issues, payload);
    return { error: null, ack: null };
  }
  // The snapshot gets the newest telemetry; the telemetry writer alone stores it.
  const telemetry = ctx.telemetry.peek(deviceId);
  const result = await ctx.batcher.submit({ deviceId, press: decoded.value, receivedAt: ctx.now(), telemetry });
  if (result.outcome === 'error') {
    ctx.stats.pressErrors++;
    ctx.log.error({ deviceId, pressId: decoded.value.pressId, err: result.message }, 'press not committed; no PUBACK, the device will retry');
    return { error: new Error(`press not committed: ${result.message}`), ack: null };
  }
  ctx.stats.presses++;
  if (result.outcome === 'rejected') ctx.stats.rejected[result.reason ?? 'unknown'] = (ctx.stats.rejected[result.reason ?? 'unknown'] ?? 0) + 1;
  ctx.log.info({ deviceId, pressId: result.pressId, outcome: result.outcome, ticket: result.ticketNumber, reason: result.reason }, 'press');
  const ack: AckPayload = {
    pressId: result.pressId, outcome: result.outcome,
    ...(result.ticketNumber && { ticketNumber: result.ticketNumber }),
    ...(result.reason && { reason: result.reason }),
  };
  return { error: null, ack };
}
