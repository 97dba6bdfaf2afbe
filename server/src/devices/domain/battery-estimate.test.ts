import { describe, expect, it } from 'vitest';
import { batteryDaysLeft, nextBatteryReference } from './battery-estimate.ts';

const at = (day: number) => new Date(Date.UTC(2026, 0, 1) + day * 86_400_000);
const reading = (pct: number, day: number) => ({ pct, at: at(day) });

describe('battery days-left estimate', () => {
  it('divides the level left by the drop per day since the reference', () => {
    // 90 % → 80 % in 10 days is 1 point a day: 80 days left.
    expect(batteryDaysLeft(reading(90, 0), reading(80, 10))).toBe(80);
    expect(batteryDaysLeft(reading(50, 0), reading(48, 2))).toBe(48);
  });

  it('has no estimate before a day has passed or a point was lost', () => {
    expect(batteryDaysLeft(reading(90, 0), reading(80, 0.9))).toBeNull();
    expect(batteryDaysLeft(reading(90, 0), reading(89.5, 30))).toBeNull();
    expect(batteryDaysLeft(reading(90, 0), reading(92, 30))).toBeNull();
    expect(batteryDaysLeft(null, reading(80, 3))).toBeNull();
    expect(batteryDaysLeft(reading(90, 0), null)).toBeNull();
  });

  it('estimates exactly at the one-day, one-point threshold', () => {
    expect(batteryDaysLeft(reading(90, 0), reading(89, 1))).toBe(89);
  });
});

describe('battery reference', () => {
  it('takes the first reading', () => {
    expect(nextBatteryReference(null, reading(70, 3))).toEqual(reading(70, 3));
  });

  it('keeps the reference while the battery drains or wobbles up a little', () => {
    expect(nextBatteryReference(reading(90, 0), reading(60, 20))).toEqual(reading(90, 0));
    expect(nextBatteryReference(reading(90, 0), reading(94, 20))).toEqual(reading(90, 0));
  });

  it('starts again after a charge or a swap (a rise of five points or more)', () => {
    expect(nextBatteryReference(reading(40, 0), reading(45, 20))).toEqual(reading(45, 20));
    expect(nextBatteryReference(reading(40, 0), reading(100, 20))).toEqual(reading(100, 20));
  });

  it('keeps what it had when there is no reading', () => {
    expect(nextBatteryReference(reading(40, 0), null)).toEqual(reading(40, 0));
    expect(nextBatteryReference(null, null)).toBeNull();
  });
});
