/** The furthest back a queued press may claim to have happened (design §2). */
export const MAX_PRESS_AGE_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * When the press happened: the device's synced clock (`pressedAt`), else `receivedAt − ageMs`,
 * else `receivedAt`; always clamped to [receivedAt − 7 days, receivedAt].
 */
export function resolvePressTime(receivedAt: Date, press: { pressedAt?: number | undefined; ageMs?: number | undefined }): Date {
  const received = receivedAt.getTime();
  let at = received;
  if (press.pressedAt !== undefined) at = press.pressedAt;
  else if (press.ageMs !== undefined) at = received - press.ageMs;
  return new Date(Math.min(received, Math.max(received - MAX_PRESS_AGE_MS, at)));
}
