/**
 * Battery days-left estimate (issue 5, part 3): a straight line from a reference reading to the
 * latest one. The reference is the reading after the last charge or swap, kept on the device
 * row (`batteryRefPct`, `batteryRefAt`) by the health sweep.
 */
export type BatteryReading = { pct: number; at: Date };

/** A rise of this many points means the battery was charged or replaced: measure anew. */
export const RECHARGE_RISE_PCT = 5;
const DAY_MS = 86_400_000;

/** The reference to keep: the first reading, or a fresh one after a charge or swap; else the old one. */
export function nextBatteryReference(ref: BatteryReading | null, latest: BatteryReading | null): BatteryReading | null {
  if (!latest) return ref;
  if (!ref || latest.pct >= ref.pct + RECHARGE_RISE_PCT) return latest;
  return ref;
}

/**
 * Days until empty at the rate seen since the reference: pct / (drop per day). Null ("not
 * enough data") until at least a day has passed and the level fell by at least one point.
 */
export function batteryDaysLeft(ref: BatteryReading | null, latest: BatteryReading | null): number | null {
  if (!ref || !latest) return null;
  const elapsedDays = (latest.at.getTime() - ref.at.getTime()) / DAY_MS;
  const drop = ref.pct - latest.pct;
  if (elapsedDays < 1 || drop < 1) return null;
  return latest.pct / (drop / elapsedDays);
}
