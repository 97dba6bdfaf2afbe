import pino from 'pino';
import { describe, expect, it } from 'vitest';
import type { DeviceRegistry } from './registry.ts';
import { TelemetryWriter } from './telemetry-writer.ts';

/** A registry that keeps writes in memory: the writer's real collaborator, not a mock of it. */
function memoryRegistry() {
  const writes: { deviceId: string; data: Record<string, unknown>; at: number }[] = [];
  const registry: DeviceRegistry = {
    authenticate: async () => 'ok',
    recordState: async () => {},
    recordTelemetry: async (deviceId, data) => void writes.push({ deviceId, data: { ...data }, at: Date.now() }),
  };
  return { registry, writes };
}
const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('TelemetryWriter', () => {
  it('merges messages that arrive before the write into one write', async () => {
    const { registry, writes } = memoryRegistry();
    const writer = new TelemetryWriter(registry, pino({ level: 'silent' }), 200);
    writer.record('d1', { batteryPct: 90 }, new Date());
    writer.record('d1', { rssi: -60 }, new Date());
    writer.record('d1', { batteryPct: 80 }, new Date());
    await settle(20);
    expect(writes).toEqual([{ deviceId: 'd1', data: { batteryPct: 80, rssi: -60 }, at: expect.any(Number) }]);
  });

  it('writes a device at most once per interval, and the last values win', async () => {
    const { registry, writes } = memoryRegistry();
    const writer = new TelemetryWriter(registry, pino({ level: 'silent' }), 150);
    writer.record('d1', { batteryPct: 90 }, new Date());
    await settle(20);
    for (const pct of [85, 84, 83]) writer.record('d1', { batteryPct: pct }, new Date());
    await settle(20);
    expect(writes).toHaveLength(1); // the second write waits for the interval
    await settle(250);
    expect(writes.map((w) => w.data.batteryPct)).toEqual([90, 83]);
  });

  it('hands unwritten telemetry over to a press, and does not write it again', async () => {
    const { registry, writes } = memoryRegistry();
    const writer = new TelemetryWriter(registry, pino({ level: 'silent' }), 10_000);
    writer.record('d1', { batteryPct: 50 }, new Date());
    await settle(20);
    writer.record('d1', { batteryPct: 49, rssi: -70 }, new Date());
    expect(writer.take('d1')).toMatchObject({ data: { batteryPct: 49, rssi: -70 } });
    expect(writer.take('d1')).toBeNull();
    await settle(50);
    expect(writes.map((w) => w.data.batteryPct)).toEqual([50]);
  });

  it('flushes a device on demand', async () => {
    const { registry, writes } = memoryRegistry();
    const writer = new TelemetryWriter(registry, pino({ level: 'silent' }), 10_000);
    writer.record('d1', { batteryPct: 50 }, new Date());
    await settle(20);
    writer.record('d1', { batteryPct: 49 }, new Date());
    await writer.flush('d1');
    expect(writes.map((w) => w.data.batteryPct)).toEqual([50, 49]);
  });
});
