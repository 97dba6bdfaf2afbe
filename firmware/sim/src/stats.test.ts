import { describe, expect, it } from 'vitest';
import { formatSummary, percentile, SimStats } from './stats.ts';

const gauges = { devices: 5, connected: 4, backlog: 2 };

describe('SimStats', () => {
  it('computes nearest-rank percentiles', () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(sorted, 50)).toBe(50);
    expect(percentile(sorted, 99)).toBe(99);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBeNull();
  });

  it('counts acks by outcome and takes latency only from presses it settled', () => {
    const stats = new SimStats();
    stats.recordAck('created', true, 30);
    stats.recordAck('merged', true, 10);
    stats.recordAck('duplicate', false);
    stats.recordAck('rejected', true);
    const s = stats.snapshot(gauges);
    expect(s.acks).toEqual({ created: 1, merged: 1, duplicate: 1, rejected: 1 });
    expect(s.strayAcks).toBe(1);
    expect([s.latencyP50Ms, s.latencyP99Ms]).toEqual([10, 30]);
  });

  it('summarises a run on one line', () => {
    const stats = new SimStats();
    stats.count('pressesSent');
    stats.count('resends');
    stats.recordAck('created', true, 12);
    expect(formatSummary(stats.snapshot(gauges))).toBe(
      'devices 4/5 | presses 1 (+1 resent) | acks created=1 | backlog 2 | ack p50 12ms p99 12ms',
    );
  });

  it('adds the bad traffic and what became of it when misbehaving', () => {
    const stats = new SimStats();
    stats.recordMisbehaviour('wrong-topic');
    stats.recordMisbehaviour('wrong-password');
    stats.count('denied');
    expect(formatSummary(stats.snapshot(gauges))).toContain('bad wrong-topic=1 wrong-password=1 -> denied 1 auth-refused 0');
  });
});
