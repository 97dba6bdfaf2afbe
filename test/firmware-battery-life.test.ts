import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULTS, estimateBatteryLife, type BatteryParams } from '../hardware/battery-life.ts';

const idle: BatteryParams = { ...DEFAULTS, pressesPerDay: 0, heartbeatsPerDay: 0, selfDischargePerYear: 0, ledS: 0 };

describe('battery-life estimate (hardware/battery-life.ts)', () => {
  it('lasts capacity ÷ sleep current when the button is never pressed', () => {
    const e = estimateBatteryLife({ ...idle, capacityMah: 1000, usableFraction: 1, chipSleepUa: 10, ldoQuiescentUa: 0, dividerOhms: Number.POSITIVE_INFINITY });
    expect(e.sleepUa).toBe(10);
    expect(e.days).toBeCloseTo(1000 / 0.24, 6); // 10 µA = 0.24 mAh a day
    expect(e.months).toBeCloseTo((1000 / 0.01) / (365.25 * 24 / 12), 6);
  });

  it('charges each wake its boot, connect and awake time', () => {
    const e = estimateBatteryLife({ ...idle, pressesPerDay: 36, bootS: 1, bootMa: 100, connectS: 0, awakeS: 0 });
    expect(e.mahPerDay.wakes).toBeCloseTo(1, 9); // 36 × 100 mA·s = 1 mAh
  });

  it('counts the divider as a constant drain: pack volts over its resistance', () => {
    expect(estimateBatteryLife({ ...idle, chipSleepUa: 0, ldoQuiescentUa: 0, packVolts: 4.8, dividerOhms: 4_800_000 }).sleepUa).toBeCloseTo(1, 9);
  });

  it('gets shorter with every extra press, longer connect or weaker battery', () => {
    const base = estimateBatteryLife(DEFAULTS).months;
    expect(estimateBatteryLife({ ...DEFAULTS, pressesPerDay: 20 }).months).toBeLessThan(base);
    expect(estimateBatteryLife({ ...DEFAULTS, connectS: 6 }).months).toBeLessThan(base);
    expect(estimateBatteryLife({ ...DEFAULTS, usableFraction: 0.6 }).months).toBeLessThan(base);
  });

  it('assumes the heartbeat the firmware ships with', () => {
    const header = readFileSync(new URL('../firmware/esp32/lib/dash_core/src/default-config.h', import.meta.url), 'utf8');
    const heartbeatS = /kHeartbeatS = ([\d *]+);/.exec(header)![1]!.split('*').reduce((a, b) => a * Number(b), 1);
    expect(DEFAULTS.heartbeatsPerDay).toBe(86_400 / heartbeatS);
  });

  it('prints the estimate from the command line and refuses nonsense', () => {
    const out = execFileSync(process.execPath, ['--import', 'tsx', 'hardware/battery-life.ts', '--presses-per-day', '0', '--heartbeats-per-day', '0'], { encoding: 'utf8' });
    expect(out).toMatch(/battery life\s+\d+\.\d months/);
    expect(() => execFileSync(process.execPath, ['--import', 'tsx', 'hardware/battery-life.ts', '--connect-s', 'soon'], { stdio: 'pipe' })).toThrow(/--connect-s must be/);
  });
});
