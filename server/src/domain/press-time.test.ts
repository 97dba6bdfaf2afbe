import { describe, expect, it } from 'vitest';
import { MAX_PRESS_AGE_MS, resolvePressTime } from './press-time.ts';

const received = new Date('2026-11-23T10:00:00.000Z');

describe('resolvePressTime', () => {
  it('uses the device clock when the press carries pressedAt', () => {
    const at = Date.parse('2026-11-23T09:59:58.500Z');
    expect(resolvePressTime(received, { pressedAt: at, ageMs: 99_999 }).toISOString()).toBe('2026-11-23T09:59:58.500Z');
  });

  it('subtracts ageMs from the receive time for an unsynced clock', () => {
    expect(resolvePressTime(received, { ageMs: 10 * 60_000 }).toISOString()).toBe('2026-11-23T09:50:00.000Z');
  });

  it('falls back to the receive time', () => {
    expect(resolvePressTime(received, {})).toEqual(received);
  });

  it('clamps a device clock that runs ahead to the receive time', () => {
    expect(resolvePressTime(received, { pressedAt: received.getTime() + 60_000 })).toEqual(received);
  });

  it('clamps presses older than seven days', () => {
    const result = resolvePressTime(received, { ageMs: MAX_PRESS_AGE_MS * 3 });
    expect(result.getTime()).toBe(received.getTime() - MAX_PRESS_AGE_MS);
  });
});
