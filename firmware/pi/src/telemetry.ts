/**
 * The panel's telemetry (design §2): uptime, Wi-Fi signal, outbox size, firmware, and in
 * `extra` the CPU temperature and the watched equipment's probe results. Sources missing on
 * this machine (no Wi-Fi, no thermal zone) are left out, never guessed.
 */
import { readFile } from 'node:fs/promises';
import { uptime } from 'node:os';
import type { TelemetryPayload } from '../../../gateway/src/mqtt/contract.ts';
import { FW_VERSION } from './default-config.ts';
import { runProbes, type Probe } from './probes.ts';

/** RSSI in dBm of the first interface in /proc/net/wireless ("wlan0: 0000 57. -53. -256 …"). */
export function parseWireless(text: string): number | undefined {
  const line = text.split('\n').slice(2).find((l) => l.includes(':'));
  const level = line ? Number.parseFloat(line.split(':')[1]!.trim().split(/\s+/)[2] ?? '') : Number.NaN;
  return Number.isFinite(level) && level <= 0 && level >= -150 ? Math.round(level) : undefined;
}

/** °C, one decimal, from a thermal zone's millidegrees. */
export function parseCpuTemp(text: string): number | undefined {
  const milli = Number.parseInt(text.trim(), 10);
  return Number.isFinite(milli) ? Math.round(milli / 100) / 10 : undefined;
}

async function readOptional(path: string): Promise<string | undefined> {
  return readFile(path, 'utf8').catch(() => undefined);
}

export type TelemetrySources = { cpuTempFile: string; wirelessFile: string; probes: readonly Probe[] };

export async function collectTelemetry(sources: TelemetrySources, pending: number): Promise<TelemetryPayload> {
  const [wireless, temp, probes] = await Promise.all([
    readOptional(sources.wirelessFile),
    readOptional(sources.cpuTempFile),
    sources.probes.length > 0 ? runProbes(sources.probes) : Promise.resolve(undefined),
  ]);
  const rssi = wireless === undefined ? undefined : parseWireless(wireless);
  const cpuTempC = temp === undefined ? undefined : parseCpuTemp(temp);
  const extra = { ...(cpuTempC !== undefined && { cpuTempC }), ...(probes && { probes }) };
  return {
    v: 1,
    ...(rssi !== undefined && { rssi }),
    uptimeS: Math.floor(uptime()),
    fw: FW_VERSION,
    pending,
    ...(Object.keys(extra).length > 0 && { extra }),
  };
}
