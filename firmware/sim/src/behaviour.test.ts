import { describe, expect, it } from 'vitest';
import { PressPayload, TelemetryPayload } from '../../../gateway/src/mqtt/contract.ts';
import {
  choosePress, initialVitals, nextPressDelayMs, nextVitals, retryDelayMs, telemetryPayload,
} from './behaviour.ts';
import { Outbox, pressPayload } from './outbox.ts';
import { createRng, deriveSeed, seedFromText } from './random.ts';

const T0 = 1_700_000_000_000;

describe('seeded behaviour', () => {
  it('replays the same presses for the same seed', () => {
    const run = (seed: string) => {
      const rng = createRng(seedFromText(seed));
      return Array.from({ length: 20 }, () => ({ delay: nextPressDelayMs(rng, 2), ...choosePress(rng, [0, 1, 2]) }));
    };
    expect(run('demo')).toEqual(run('demo'));
    expect(run('demo')).not.toEqual(run('other'));
  });

  it('gives each device its own stream', () => {
    const first = createRng(deriveSeed(42, 0));
    const second = createRng(deriveSeed(42, 1));
    expect([first(), first()]).not.toEqual([second(), second()]);
  });

  it('produces presses that the contract accepts, on mapped buttons only', () => {
    const rng = createRng(7);
    const outbox = new Outbox(10_000);
    const actions = new Set<string>();
    for (let seq = 1; seq <= 2_000; seq += 1) {
      const choice = choosePress(rng, [0, 2]);
      const { entry } = outbox.add({ pressId: `lx3k2a1-${seq}`, seq, ...choice, pressedAt: T0 }, T0);
      if (seq % 3 === 0) outbox.recordAttempt(entry!.pressId, T0, retryDelayMs(rng));
      const payload = PressPayload.parse(pressPayload(entry!, T0 + seq));
      expect([0, 2]).toContain(payload.button);
      actions.add(payload.action);
    }
    expect([...actions].sort()).toEqual(['double', 'hold', 'single']);
  });

  it('spaces presses by 60/rate seconds on average (Poisson arrivals)', () => {
    const rng = createRng(1);
    const samples = Array.from({ length: 20_000 }, () => nextPressDelayMs(rng, 6));
    const mean = samples.reduce((a, b) => a + b, 0) / samples.length;
    expect(mean).toBeGreaterThan(9_500);
    expect(mean).toBeLessThan(10_500);
    expect(Math.min(...samples)).toBeGreaterThanOrEqual(0);
  });

  it('keeps telemetry within the contract while the battery drains for days', () => {
    const rng = createRng(3);
    let vitals = initialVitals(rng);
    const start = vitals.batteryPct;
    for (let step = 0; step < 20_000; step += 1) {
      vitals = nextVitals(rng, vitals);
      TelemetryPayload.parse(telemetryPayload(rng, vitals, step * 30_000, step % 5));
    }
    expect(vitals.batteryPct).toBeLessThan(start);
    expect(vitals.batteryPct).toBeGreaterThanOrEqual(0);
  });
});
