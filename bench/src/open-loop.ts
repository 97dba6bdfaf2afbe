/**
 * Open-loop load: events are scheduled at fixed or Poisson intervals before anything is
 * sent, and each one carries its intended time. Latency is measured from that time, so a
 * slow system (or a slow generator) shows up as latency instead of silently lowering the
 * rate (coordinated omission). How late the generator itself fires is recorded as `lag`.
 */
import { createRng } from '../../firmware/sim/src/random.ts';
import { Latency } from './histogram.ts';

export type Arrivals = 'fixed' | 'poisson';

/** The simulator's seeded PRNG (mulberry32): runs are repeatable. */
export const rng = createRng;

export type OpenLoopOptions = {
  ratePerS: number;
  durationMs: number;
  arrivals: Arrivals;
  seed: number;
  /** Called once per event, as close to `intendedMs` (performance.now() clock) as the loop manages. */
  fire: (intendedMs: number, index: number) => void;
};

export type OpenLoopResult = { scheduled: number; lag: Latency; startedAt: number };

export async function runOpenLoop(o: OpenLoopOptions): Promise<OpenLoopResult> {
  const random = rng(o.seed);
  const meanGap = 1000 / o.ratePerS;
  const gap = () => (o.arrivals === 'fixed' ? meanGap : -Math.log(1 - random()) * meanGap);
  const lag = new Latency();
  const start = performance.now();
  const end = start + o.durationMs;
  let next = start + gap();
  let index = 0;
  await new Promise<void>((resolve) => {
    const tick = () => {
      const now = performance.now();
      while (next <= now && next < end) {
        lag.recordMs(now - next);
        o.fire(next, index++);
        next += gap();
      }
      if (next >= end) return resolve();
      // Timers fire at 1 ms granularity: events due meanwhile go out together, each timed from its own slot.
      setTimeout(tick, Math.max(0, next - performance.now() - 0.5));
    };
    tick();
  });
  return { scheduled: index, lag, startedAt: start };
}

/** Wall-clock milliseconds (epoch) for a performance.now() instant: for timestamps other processes compare. */
export const wallOf = (perfMs: number) => performance.timeOrigin + perfMs;

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
