/** HDR histograms in microseconds, summarised in milliseconds. */
import * as hdr from 'hdr-histogram-js';

export type LatencySummary = { count: number; p50: number; p90: number; p99: number; p999: number; max: number; mean: number };

export class Latency {
  // 1 µs .. 120 s at 3 significant digits; values above are clamped, not lost.
  private readonly h = hdr.build({ lowestDiscernibleValue: 1, highestTrackableValue: 120_000_000, numberOfSignificantValueDigits: 3 });

  recordMs(ms: number): void {
    this.h.recordValue(Math.min(120_000_000, Math.max(1, Math.round(ms * 1000))));
  }

  get count(): number {
    return this.h.totalCount;
  }

  summary(): LatencySummary {
    const at = (p: number) => round(this.h.getValueAtPercentile(p) / 1000);
    return {
      count: this.h.totalCount, p50: at(50), p90: at(90), p99: at(99), p999: at(99.9),
      max: round(this.h.maxValue / 1000), mean: round(this.h.mean / 1000),
    };
  }
}

export const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;
