/**
 * What a simulated person and device do, as pure functions of a seeded stream: when the next
 * press comes, which button and action, what telemetry says. (Reconnect backoff is the
 * firmware's own, `firmware/shared/backoff.ts`.)
 */
import type { PressAction, TelemetryPayload } from '../../../gateway/src/mqtt/contract.ts';
import { exponential, jitter, pick, pickWeighted, type Rng } from './random.ts';

export const FIRMWARE_VERSION = 'sim-1.0.0';
/** Telemetry cadence; well under the server's default heartbeat, so the device never looks silent. */
export const TELEMETRY_EVERY_MS = 30_000;
/** Resend cadence for an unacknowledged press ("every few seconds", with jitter against herds). */
export const RETRY_EVERY_MS = 4_000;

/** Mostly single presses, some doubles, the rare "it works again" hold. */
const ACTION_WEIGHTS: Record<PressAction, number> = { single: 80, double: 15, hold: 5 };

/** Gap to the next press for `ratePerMin` presses per minute (Poisson arrivals). */
export function nextPressDelayMs(rng: Rng, ratePerMin: number): number {
  return exponential(rng, 60_000 / ratePerMin);
}

export function choosePress(rng: Rng, buttons: readonly number[]): { button: number; action: PressAction } {
  return { button: pick(rng, buttons), action: pickWeighted(rng, ACTION_WEIGHTS) };
}

export function nextTelemetryDelayMs(rng: Rng): number {
  return jitter(rng, TELEMETRY_EVERY_MS, 0.2);
}

export function retryDelayMs(rng: Rng): number {
  return jitter(rng, RETRY_EVERY_MS, 0.25);
}

/** The slowly changing physical state behind telemetry. */
export type DeviceVitals = { batteryPct: number; rssi: number };

export function initialVitals(rng: Rng): DeviceVitals {
  return { batteryPct: 60 + rng() * 40, rssi: Math.round(-50 - rng() * 30) };
}

/** One telemetry step: the battery drains a little, RSSI wanders within a plausible Wi-Fi range. */
export function nextVitals(rng: Rng, vitals: DeviceVitals): DeviceVitals {
  const batteryPct = Math.max(0, vitals.batteryPct - (0.01 + rng() * 0.04));
  const rssi = Math.min(-30, Math.max(-95, vitals.rssi + Math.round(rng() * 6 - 3)));
  return { batteryPct, rssi };
}

/**
 * The telemetry payload. `batteryPct` is sent whole because the server stores an integer;
 * `extra` imitates a watched printer that now and then reports its own state.
 */
export function telemetryPayload(rng: Rng, vitals: DeviceVitals, uptimeMs: number, pending: number): TelemetryPayload {
  const payload: TelemetryPayload = {
    v: 1,
    batteryPct: Math.round(vitals.batteryPct),
    rssi: vitals.rssi,
    uptimeS: Math.floor(uptimeMs / 1000),
    fw: FIRMWARE_VERSION,
    pending,
  };
  if (rng() < 0.25) payload.extra = { printer: rng() < 0.8 ? 'ok' : 'paper_out' };
  return payload;
}
