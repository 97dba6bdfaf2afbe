/**
 * What the fleet page says about a device: its presence, what needs attention, and the order
 * (most urgent first). The thresholds are the server's own (server/src/domain/device-health.ts).
 */
import { batteryLevel, DEFAULT_HEALTH_RULES, isBatteryPowered } from '../../../../server/src/domain/device-health.ts';
import type { Device } from '../../api/devices.ts';

export type Presence = 'ready' | 'sleeping' | 'lost' | 'never' | 'virtual';
export type Attention = 'lost' | 'battery' | 'unmapped' | 'backlog';
export type BatteryLevel = ReturnType<typeof batteryLevel>;

type Facts = Pick<Device, 'kind' | 'state' | 'lastSeenAt' | 'heartbeatS' | 'batteryPct' | 'unmapped' | 'pending' | 'disabled'>;

/** A battery button that missed its check-in (1.5 × heartbeat) counts as lost, like a mains device that said `lost`. */
export function presenceOf(d: Facts, now: number): Presence {
  if (d.kind === 'virtual') return 'virtual';
  if (!d.lastSeenAt) return 'never';
  if (d.state === 'lost') return 'lost';
  if (isBatteryPowered(d.kind) && now - Date.parse(d.lastSeenAt) > 1.5 * d.heartbeatS * 1000) return 'lost';
  return d.state === 'sleeping' ? 'sleeping' : 'ready';
}

export const batteryOf = (d: Pick<Device, 'batteryPct'>): BatteryLevel => batteryLevel(d.batteryPct, DEFAULT_HEALTH_RULES);

/**
 * Reasons to look at the device; a disabled device asks for none. A virtual button (the phone
 * page) never connects over MQTT: it has no presence, battery or backlog to watch.
 */
export function attentionOf(d: Facts, now: number): Attention[] {
  if (d.disabled || d.kind === 'virtual') return [];
  const reasons: Attention[] = [];
  if (presenceOf(d, now) === 'lost') reasons.push('lost');
  if (['warning', 'critical'].includes(batteryOf(d))) reasons.push('battery');
  if (d.unmapped) reasons.push('unmapped');
  if ((d.pending ?? 0) > 0) reasons.push('backlog');
  return reasons;
}

function urgency(d: Facts, now: number): number {
  const reasons = attentionOf(d, now);
  return (reasons.includes('lost') ? 8 : 0) + (batteryOf(d) === 'critical' ? 4 : reasons.includes('battery') ? 2 : 0)
    + (reasons.includes('unmapped') ? 2 : 0) + (reasons.includes('backlog') ? 1 : 0);
}

/** Most urgent first; then by name, so the order is stable between refreshes. */
export function byAttention<T extends Facts & Pick<Device, 'name' | 'id'>>(devices: readonly T[], now: number): T[] {
  return [...devices].sort((a, b) => urgency(b, now) - urgency(a, now) || a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}

/** Wi-Fi strength in bars, 0–4, by the usual dBm bands. */
export function signalBars(rssi: number | null): number | null {
  if (rssi === null) return null;
  return rssi >= -55 ? 4 : rssi >= -67 ? 3 : rssi >= -75 ? 2 : rssi >= -85 ? 1 : 0;
}
