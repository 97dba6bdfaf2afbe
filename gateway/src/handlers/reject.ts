import type { GatewayContext } from '../context.ts';
import type { RejectReason, TopicKind } from '../mqtt/contract.ts';

/** Logs, counts and (for presses) answers a `rejected` ack: the device drops the message. */
export function rejectPayload(
  ctx: GatewayContext, deviceId: string, kind: TopicKind, reason: RejectReason, issues: string[], payload: Buffer,
): void {
  ctx.stats.rejected[reason] = (ctx.stats.rejected[reason] ?? 0) + 1;
  ctx.log.warn({ deviceId, topic: `dash/${deviceId}/${kind}`, reason, issues }, 'payload rejected');
  if (kind === 'press') ctx.sendDown(deviceId, 'ack', { pressId: salvagePressId(payload), outcome: 'rejected', reason });
}

/** The pressId of a payload that failed validation, if one can be read, so the device can match the ack. */
function salvagePressId(payload: Buffer): string {
  const match = /"pressId"\s*:\s*"([A-Za-z0-9._:-]{1,64})"/.exec(payload.subarray(0, 1024).toString('utf8'));
  return match?.[1] ?? '';
}
