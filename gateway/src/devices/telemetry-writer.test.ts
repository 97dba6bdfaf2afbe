import pino from 'pino';
import { describe, expect, it } from 'vitest';
import type { DeviceRegistry } from './registry.ts';
import { TelemetryWriter } from './telemetry-writer.ts';

/** A registry that keeps writes in memory: the writer's real collaborator, not a mock of it. */
function memoryRegistry() {
  const writes: { deviceId: string; data: Record<string, unknown>; at: number }[] = [];
  const calls: string[][] = [];
  const registry: DeviceRegistry = {
    authenticate: async () => 'ok',
    recordStates: async () => {},
    recordTelemetry: async (reports) => {
      calls.push(reports.map((r) => r.deviceId));
      for (const r of reports) writes.push({ deviceId: r.deviceId, data: { ...r.data }, at: Date.now() });
    },
  };
  return { registry, writes, calls };
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

  it('shows a press the telemetry not yet in the database, a write under way included', async () => {
    let release = () => {};
    const stored: unknown[] = [];
    const registry: DeviceRegistry = {
      authenticate: async () => 'ok',
      recordStates: async () => {},
      recordTelemetry: (reports) => new Promise<void>((resolve) => (release = () => (stored.push(...reports), resolve()))),
    };
    const writer = new TelemetryWriter(registry, pino({ level: 'silent' }), 10_000);
    writer.record('d1', { batteryPct: 50, fw: '1.0' }, new Date(1000));
    await settle(20); // the write of 50 is under way, not committed
    writer.record('d1', { batteryPct: 49, rssi: -70 }, new Date(2000));
    expect(writer.peek('d1')).toEqual({ data: { batteryPct: 49, rssi: -70, fw: '1.0' }, at: new Date(2000) });
    release();
    await settle(20);
    expect(writer.peek('d1')).toEqual({ data: { batteryPct: 49, rssi: -70 }, at: new Date(2000) });
    expect(writer.peek('d2')).toBeNull();
    expect(stored).toHaveLength(1);
  });

  it('writes every device pending in a tick with one call', async () => {
    const { registry, writes, calls } = memoryRegistry();
    const writer = new TelemetryWriter(registry, pino({ level: 'silent' }), 150);
    writer.record('d0', { rssi: -50 }, new Date());
    await settle(20);
    for (const id of ['d1', 'd2', 'd3']) writer.record(id, { batteryPct: 70 }, new Date());
    writer.record('d1', { rssi: -80 }, new Date());
    await settle(250);
    expect(calls).toEqual([['d0'], ['d1', 'd2', 'd3']]);
    expect(writes.find((w) => w.deviceId === 'd1')?.data).toEqual({ batteryPct: 70, rssi: -80 });
  });

  it('keeps newer pending values when an older report is handed back', async () => {
    const { registry, writes } = memoryRegistry();
    const writer = new TelemetryWriter(registry, pino({ level: 'silent' }), 10_000);
    writer.record('d1', { batteryPct: 50 }, new Date(2000));
    await settle(20);
    writer.record('d1', { batteryPct: 40 }, new Date(3000));
    writer.record('d1', { batteryPct: 45, rssi: -70 }, new Date(2500)); // e.g. a press that failed to commit
    await writer.flushAll();
    expect(writes.map((w) => w.data)).toEqual([{ batteryPct: 50 }, { batteryPct: 40, rssi: -70 }]);
  });
});
