/** Counters for the whole run and the one-line summary printed every 10 s and at exit. */
import type { AckOutcome } from '../../../gateway/src/mqtt/contract.ts';
import type { Misbehaviour } from './misbehaviour.ts';

/** Enough samples for stable percentiles without growing for ever on a long run. */
const MAX_LATENCY_SAMPLES = 200_000;

export type StatsSnapshot = {
  devices: number;
  connected: number;
  pressesSent: number;
  resends: number;
  acks: Partial<Record<AckOutcome, number>>;
  /** Acks for a pressId no longer (or never) in the outbox: second copies, bad payloads. */
  strayAcks: number;
  backlog: number;
  dropped: number;
  latencyP50Ms: number | null;
  latencyP99Ms: number | null;
  misbehaviour: Partial<Record<Misbehaviour, number>>;
  /** Connections the broker closed right after an ACL fault. */
  denied: number;
  authRefused: number;
  rotations: number;
  reconnects: number;
};

/** Nearest-rank percentile of `sorted` (ascending); null when there are no samples. */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))] as number;
}

const COUNTERS = ['pressesSent', 'resends', 'strayAcks', 'dropped', 'denied', 'authRefused', 'rotations', 'reconnects'] as const;
export type Counter = (typeof COUNTERS)[number];

export class SimStats {
  readonly #latencies: number[] = [];
  readonly #counts = Object.fromEntries(COUNTERS.map((c) => [c, 0])) as Record<Counter, number>;
  readonly #acks: Partial<Record<AckOutcome, number>> = {};
  readonly #misbehaviour: Partial<Record<Misbehaviour, number>> = {};

  count(name: Counter): void {
    this.#counts[name] += 1;
  }

  /**
   * An ack. `settled`: it ended a press in the outbox; `latencyMs`: since that press's first
   * publish by this process (absent when it was never sent by this process).
   */
  recordAck(outcome: AckOutcome, settled: boolean, latencyMs?: number): void {
    this.#acks[outcome] = (this.#acks[outcome] ?? 0) + 1;
    if (!settled) this.#counts.strayAcks += 1;
    else if (latencyMs !== undefined && this.#latencies.length < MAX_LATENCY_SAMPLES) this.#latencies.push(latencyMs);
  }

  recordMisbehaviour(kind: Misbehaviour): void {
    this.#misbehaviour[kind] = (this.#misbehaviour[kind] ?? 0) + 1;
  }

  snapshot(gauges: { devices: number; connected: number; backlog: number }): StatsSnapshot {
    const sorted = [...this.#latencies].sort((a, b) => a - b);
    return {
      ...gauges,
      ...this.#counts,
      acks: { ...this.#acks },
      misbehaviour: { ...this.#misbehaviour },
      latencyP50Ms: percentile(sorted, 50),
      latencyP99Ms: percentile(sorted, 99),
    };
  }
}

const ms = (value: number | null) => (value === null ? '-' : `${Math.round(value)}ms`);
const pairs = (record: Record<string, number | undefined>) =>
  Object.entries(record).map(([k, v]) => `${k}=${v ?? 0}`).join(' ') || 'none';

/** `devices 5/5 | presses 40 (+3 resent) | acks created=4 merged=30 | backlog 2 | ack p50 9ms p99 41ms` */
export function formatSummary(s: StatsSnapshot): string {
  const parts = [
    `devices ${s.connected}/${s.devices}`,
    `presses ${s.pressesSent} (+${s.resends} resent)`,
    `acks ${pairs(s.acks)}${s.strayAcks ? ` (stray ${s.strayAcks})` : ''}`,
    `backlog ${s.backlog}${s.dropped ? ` (dropped ${s.dropped})` : ''}`,
    `ack p50 ${ms(s.latencyP50Ms)} p99 ${ms(s.latencyP99Ms)}`,
  ];
  if (Object.keys(s.misbehaviour).length > 0) {
    parts.push(`bad ${pairs(s.misbehaviour)} -> denied ${s.denied} auth-refused ${s.authRefused}`);
  }
  if (s.reconnects || s.rotations) parts.push(`reconnects ${s.reconnects} rotations ${s.rotations}`);
  return parts.join(' | ');
}
