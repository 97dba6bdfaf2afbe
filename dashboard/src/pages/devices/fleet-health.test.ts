import { describe, expect, it } from 'vitest';
import { attentionOf, byAttention, presenceOf, signalBars } from './fleet-health.ts';

const now = Date.parse('2026-03-01T12:00:00Z');
const ago = (s: number) => new Date(now - s * 1000).toISOString();
const device = (o: Partial<Parameters<typeof presenceOf>[0]> & { name?: string; id?: string } = {}) => ({
  id: o.id ?? 'd', name: o.name ?? 'Device', kind: 'pi' as const, state: 'ready', lastSeenAt: ago(10), heartbeatS: 3600,
  batteryPct: null, unmapped: false, pending: null, disabled: false, ...o,
});

describe('device presence', () => {
  it('is never seen, ready, sleeping or lost as the device said', () => {
    expect(presenceOf(device({ lastSeenAt: null, state: null }), now)).toBe('never');
    expect(presenceOf(device(), now)).toBe('ready');
    expect(presenceOf(device({ kind: 'esp32', state: 'sleeping' }), now)).toBe('sleeping');
    expect(presenceOf(device({ state: 'lost' }), now)).toBe('lost');
  });

  it('counts a battery button that missed its check-in (1.5 heartbeats) as lost', () => {
    expect(presenceOf(device({ kind: 'esp32', state: 'sleeping', heartbeatS: 100, lastSeenAt: ago(149) }), now)).toBe('sleeping');
    expect(presenceOf(device({ kind: 'esp32', state: 'sleeping', heartbeatS: 100, lastSeenAt: ago(151) }), now)).toBe('lost');
  });
});

describe('attention', () => {
  it('names lost, low battery (under 40 %), unmapped buttons and an outbox backlog', () => {
    expect(attentionOf(device({ state: 'lost', batteryPct: 39, unmapped: true, pending: 2 }), now)).toEqual(['lost', 'battery', 'unmapped', 'backlog']);
    expect(attentionOf(device({ batteryPct: 40, pending: 0 }), now)).toEqual([]);
  });

  it('asks nothing of a disabled device', () => {
    expect(attentionOf(device({ state: 'lost', disabled: true }), now)).toEqual([]);
  });

  it('sorts lost first, then critical battery, then the rest by name', () => {
    const list = [
      device({ id: 'a', name: 'Alpha' }), device({ id: 'b', name: 'Bravo', unmapped: true }),
      device({ id: 'c', name: 'Charlie', batteryPct: 10 }), device({ id: 'd', name: 'Delta', state: 'lost' }),
    ];
    expect(byAttention(list, now).map((d) => d.id)).toEqual(['d', 'c', 'b', 'a']);
  });
});

describe('signal bars', () => {
  it('turns dBm into 0–4 bars', () => {
    expect([-50, -60, -70, -80, -90].map(signalBars)).toEqual([4, 3, 2, 1, 0]);
    expect(signalBars(null)).toBeNull();
  });
});
