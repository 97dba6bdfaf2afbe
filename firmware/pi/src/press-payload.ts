/**
 * A pending press → its press payload at publish time (design §2, press time): `pressedAt`
 * with a synced clock; else `ageMs` from the monotonic clock if this process saw the press;
 * else neither (the server uses the receive time). `queued` once it waited: offline, resent or replayed.
 */
import type { PressPayload } from '../../../gateway/src/mqtt/contract.ts';
import type { PendingPress } from './outbox.ts';

export function pressPayloadFor(press: PendingPress, monoNow: number): PressPayload {
  const payload: PressPayload = { v: 1, pressId: press.pressId, seq: press.seq, button: press.button, action: press.action };
  if (press.synced) payload.pressedAt = press.pressedAt;
  else if (press.monoAt !== undefined) payload.ageMs = Math.max(0, Math.round(monoNow - press.monoAt));
  if (press.replayed || press.deferred || press.attempts > 0) payload.queued = true;
  return payload;
}
