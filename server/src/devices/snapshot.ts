import type { Device, DeviceSnapshot } from '../db/schema.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The part of a device row that a press ticket keeps as evidence (design §3). */
export function snapshotOf(device: Device): DeviceSnapshot {
  return {
    state: device.state,
    lastSeenAt: iso(device.lastSeenAt),
    batteryMv: device.batteryMv,
    batteryPct: device.batteryPct,
    rssi: device.rssi,
    uptimeS: device.uptimeS,
    fw: device.fw,
    pending: device.pending,
    extra: device.extra ?? null,
    telemetryAt: iso(device.telemetryAt),
  };
}
