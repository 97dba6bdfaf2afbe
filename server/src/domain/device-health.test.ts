import { describe, expect, it } from 'vitest';
import { batteryLevel, DEFAULT_HEALTH_RULES, type DeviceHealthFacts, healthCauses } from './device-health.ts';

const now = new Date('2026-11-23T12:00:00Z');
const ago = (s: number) => new Date(now.getTime() - s * 1000);
const device = (o: Partial<DeviceHealthFacts> = {}): DeviceHealthFacts => ({
  kind: 'pi', disabled: false, state: 'ready', stateAt: ago(60), lastSeenAt: ago(10), heartbeatS: 3600, batteryPct: null, ...o,
});

describe('healthCauses', () => {
  it('reports a mains device lost for longer than the grace period as offline', () => {
    expect(healthCauses(device({ state: 'lost', stateAt: ago(301) }), now, DEFAULT_HEALTH_RULES)).toEqual(['offline']);
    expect(healthCauses(device({ state: 'lost', stateAt: ago(299) }), now, DEFAULT_HEALTH_RULES)).toEqual([]);
  });

  it('lets a battery button sleep, but not miss 1.5 heartbeats', () => {
    const battery = { kind: 'esp32' as const, state: 'lost', stateAt: ago(4000) };
    expect(healthCauses(device({ ...battery, lastSeenAt: ago(5399) }), now, DEFAULT_HEALTH_RULES)).toEqual([]);
    expect(healthCauses(device({ ...battery, lastSeenAt: ago(5401) }), now, DEFAULT_HEALTH_RULES)).toEqual(['missed_checkin']);
  });

  it('opens a battery ticket under 20 %', () => {
    expect(healthCauses(device({ kind: 'esp32', batteryPct: 19 }), now, DEFAULT_HEALTH_RULES)).toEqual(['battery_low']);
    expect(healthCauses(device({ kind: 'esp32', batteryPct: 20 }), now, DEFAULT_HEALTH_RULES)).toEqual([]);
  });

  it('ignores disabled, virtual and never-seen devices', () => {
    const lost = { state: 'lost', stateAt: ago(9999) };
    expect(healthCauses(device({ ...lost, disabled: true }), now, DEFAULT_HEALTH_RULES)).toEqual([]);
    expect(healthCauses(device({ ...lost, kind: 'virtual' }), now, DEFAULT_HEALTH_RULES)).toEqual([]);
    expect(healthCauses(device({ ...lost, lastSeenAt: null }), now, DEFAULT_HEALTH_RULES)).toEqual([]);
  });
});

describe('batteryLevel', () => {
  it('warns under 40 % and is critical under 20 %', () => {
    expect([45, 39, 19, null].map((p) => batteryLevel(p, DEFAULT_HEALTH_RULES))).toEqual(['ok', 'warning', 'critical', 'unknown']);
  });
});
