/** What the gateway needs to know and record about devices, apart from presses. */
import type { DeviceState, TelemetryPayload } from '../mqtt/contract.ts';

export type AuthVerdict = 'ok' | 'unknown' | 'wrong_secret' | 'disabled';

/** Partial telemetry: only the fields given change. An empty object only marks the device seen. */
export type TelemetryReport = { deviceId: string; data: Omit<TelemetryPayload, 'v'>; at: Date };

export type StateReport = { deviceId: string; state: DeviceState; at: Date };

export interface DeviceRegistry {
  /** Throws when the registry cannot answer (database down): the CONNECT is then refused as "server unavailable". */
  authenticate(deviceId: string, secret: string): Promise<AuthVerdict>;
  /** The presence of many devices in one write; an older state never overwrites a newer one. */
  recordStates(reports: StateReport[]): Promise<void>;
  /** The telemetry of many devices in one write; an older report never overwrites a newer one. */
  recordTelemetry(reports: TelemetryReport[]): Promise<void>;
}
