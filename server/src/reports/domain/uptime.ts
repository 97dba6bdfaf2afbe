/**
 * Per-device uptime from device-health tickets of cause `offline`: a device is down from the
 * moment such a ticket opens (after the grace period of LOST_GRACE_MIN, or a missed check-in)
 * until it resolves (still down when unresolved). Uptime = 1 − down / observed, where observed
 * is the part of the range after the device was provisioned and before now. Overlapping
 * tickets count once.
 */
import { percentOf } from './percentiles.ts';

export type UptimeDevice = { id: string; name: string; siteId: string; createdAt: Date };
export type OfflineSpell = { deviceId: string; from: Date; to: Date | null };
export type DeviceUptime = {
  deviceId: string; name: string; siteId: string; observedMinutes: number; offlineMinutes: number; offlineTickets: number; uptimePercent: number | null;
};

type Span = [number, number];

/** Total length of the union of spans, each clipped to [lo, hi). */
export function unionLength(spans: readonly Span[], lo: number, hi: number): number {
  const clipped = spans.map(([a, b]): Span => [Math.max(a, lo), Math.min(b, hi)]).filter(([a, b]) => b > a).sort((x, y) => x[0] - y[0]);
  let total = 0;
  let cur: Span | null = null;
  for (const s of clipped) {
    if (cur && s[0] <= cur[1]) cur[1] = Math.max(cur[1], s[1]);
    else {
      if (cur) total += cur[1] - cur[0];
      cur = [...s];
    }
  }
  return total + (cur ? cur[1] - cur[0] : 0);
}

export function deviceUptime(devices: readonly UptimeDevice[], spells: readonly OfflineSpell[], range: { from: Date; to: Date }, now: Date): DeviceUptime[] {
  const hi = Math.min(range.to.getTime(), now.getTime());
  return devices.map((d) => {
    const lo = Math.max(range.from.getTime(), d.createdAt.getTime());
    const mine = spells.filter((s) => s.deviceId === d.id);
    const spans = mine.map((s): Span => [s.from.getTime(), (s.to ?? now).getTime()]);
    const observed = Math.max(0, hi - lo);
    const offline = observed ? unionLength(spans, lo, hi) : 0;
    const touching = spans.filter(([a, b]) => b > lo && a < hi).length;
    const minutes = (ms: number) => Math.round(ms / 600) / 100;
    return {
      deviceId: d.id, name: d.name, siteId: d.siteId, observedMinutes: minutes(observed), offlineMinutes: minutes(offline),
      offlineTickets: touching, uptimePercent: percentOf(observed - offline, observed),
    };
  }).sort((a, b) => (a.uptimePercent ?? 101) - (b.uptimePercent ?? 101) || a.deviceId.localeCompare(b.deviceId));
}
