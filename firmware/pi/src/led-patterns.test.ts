import { describe, expect, it } from 'vitest';
import { LedPattern } from '../../../gateway/src/mqtt/contract.ts';
import { ledOnAt, patternForAck, type PanelLedPattern } from './led-patterns.ts';

/** Per mille of a 6 s window the LED is lit. */
const duty = (pattern: PanelLedPattern) => {
  let on = 0;
  for (let t = 0; t < 6000; t++) on += ledOnAt(pattern, t) ? 1 : 0;
  return Math.round(on / 6);
};

/** How many times the LED turns on in a 6 s window. */
const flashes = (pattern: PanelLedPattern) => {
  let count = 0;
  for (let t = 0; t < 6000; t++) if (ledOnAt(pattern, t) && (t === 0 || !ledOnAt(pattern, t - 1))) count++;
  return count;
};

describe('LED patterns', () => {
  it('maps every pattern of the contract to a distinct look', () => {
    const looks = LedPattern.options.map((p) => `${duty(p)}/${flashes(p)}`);
    expect(new Set(looks).size).toBe(LedPattern.options.length);
  });

  it.each([
    ['off', 0, 0], ['acknowledged', 1000, 1], ['received', 500, 6], ['resolved', 50, 2],
    ['error', 500, 30], ['unmapped', 200, 12], ['sending', 500, 24],
  ] as const)('shows %s lit %i‰ of the time in %i flashes per 6 s', (pattern, permille, count) => {
    expect(duty(pattern)).toBe(permille);
    expect(flashes(pattern)).toBe(count);
  });

  it('shows a press as received after created, merged, duplicate or reopened, off after cancel, error after reject', () => {
    expect(['created', 'merged', 'duplicate', 'reopened'].map((o) => patternForAck(o as never))).toEqual(['received', 'received', 'received', 'received']);
    expect(patternForAck('cancelled')).toBe('off');
    expect(patternForAck('rejected')).toBe('error');
  });
});
