import type { TelemetryPayload } from '../../../gateway/src/mqtt/contract.ts';
import type { Device } from '../db/schema.ts';

export type TelemetryFields = Omit<TelemetryPayload, 'v'>;

/** The device columns a (partial) telemetry message sets; an empty message only marks the device seen. */
export function telemetryColumns(t: TelemetryFields, at: Date): Partial<Device> {
  const hasData = Object.keys(t).length > 0;
  return {
    lastSeenAt: at,
    ...(hasData && { telemetryAt: at }),
    ...(t.batteryMv !== undefined && { batteryMv: t.batteryMv }),
    ...(t.batteryPct !== undefined && { batteryPct: t.batteryPct }),
    ...(t.rssi !== undefined && { rssi: t.rssi }),
    ...(t.uptimeS !== undefined && { uptimeS: t.uptimeS }),
    ...(t.fw !== undefined && { fw: t.fw }),
    ...(t.pending !== undefined && { pending: t.pending }),
    ...(t.extra !== undefined && { extra: t.extra }),
  };
}
