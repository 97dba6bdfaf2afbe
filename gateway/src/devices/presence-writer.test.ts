import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { PresenceWriter } from './presence-writer.ts';
import type { DeviceRegistry, StateReport } from './registry.ts';

/** A registry that keeps each write in memory and can hold one open: the writer's real collaborator. */
function memoryRegistry(fail = false) {
  const calls: StateReport[][] = [];
  let hold: Promise<void> | null = null;
  let release = () => {};
  const registry: DeviceRegistry = {
    authenticate: async () => 'ok',
    recordTelemetry: async () => {},
    recordStates: async (reports) => {
      calls.push(reports.map((r) => ({ ...r })));
      if (hold) await hold;
      if (fail) throw new Error('database down');
    },
  };
  const holdNext = () => (hold = new Promise<void>((r) => (release = () => ((hold = null), r()))));
  return { registry, calls, holdNext, release: () => release() };
}
const silent = pino({ level: 'silent' });
const turn = () => new Promise((r) => setImmediate(r));

describe('PresenceWriter', () => {
  it('writes the states of one turn in one call, the newest per device', async () => {
    const { registry, calls } = memoryRegistry();
    const writer = new PresenceWriter(registry, silent);
    writer.record('d1', 'ready', new Date(2000));
    writer.record('d2', 'init', new Date(2000));
    writer.record('d1', 'lost', new Date(3000));
    writer.record('d1', 'ready', new Date(2500)); // older than the lost: dropped
    await writer.flushAll();
    expect(calls).toEqual([[{ deviceId: 'd1', state: 'lost', at: new Date(3000) }, { deviceId: 'd2', state: 'init', at: new Date(2000) }]]);
  });

  it('collects what arrives during a write into the next write, one write at a time', async () => {
    const { registry, calls, holdNext, release } = memoryRegistry();
    const writer = new PresenceWriter(registry, silent);
    holdNext();
    writer.record('d1', 'ready', new Date(1000));
    await turn();
    for (const id of ['d2', 'd3', 'd4']) writer.record(id, 'ready', new Date(1500));
    writer.record('d1', 'lost', new Date(2000));
    await turn();
    expect(calls).toHaveLength(1); // the others wait for the write under way
    release();
    await writer.flushAll();
    expect(calls.map((c) => c.map((r) => `${r.deviceId}:${r.state}`))).toEqual([['d1:ready'], ['d2:ready', 'd3:ready', 'd4:ready', 'd1:lost']]);
  });

  it('logs a failed write and keeps writing what comes next', async () => {
    const { registry, calls } = memoryRegistry(true);
    const writer = new PresenceWriter(registry, silent);
    writer.record('d1', 'ready', new Date(1000));
    await writer.flushAll();
    writer.record('d1', 'lost', new Date(2000));
    await writer.flushAll();
    expect(calls).toHaveLength(2);
  });
});
