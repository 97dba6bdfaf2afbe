/**
 * Coalesces presence (`$state`): a state is written at once, in the next turn of the event
 * loop, together with every other state received meanwhile, in one UPDATE (chunked); one write
 * at a time, and what arrives during a write goes in the next. A reconnect storm of 10,000
 * buttons costs a few statements, not 10,000. Per device the newest state wins.
 */
import type { Logger } from 'pino';
import type { DeviceState } from '../mqtt/contract.ts';
import type { DeviceRegistry, StateReport } from './registry.ts';

/** Rows per UPDATE: 3 parameters each. */
const CHUNK = 2000;

export class PresenceWriter {
  private pending = new Map<string, StateReport>();
  private draining: Promise<void> | null = null;

  constructor(
    private readonly registry: DeviceRegistry,
    private readonly log: Logger,
  ) {}

  record(deviceId: string, state: DeviceState, at: Date): void {
    const seen = this.pending.get(deviceId);
    if (!seen || at >= seen.at) this.pending.set(deviceId, { deviceId, state, at });
    this.draining ??= this.drain();
  }

  /** Resolves once everything recorded so far is written (or its write failed). */
  flushAll(): Promise<void> {
    return this.draining ?? Promise.resolve();
  }

  private async drain(): Promise<void> {
    await new Promise((resolve) => setImmediate(resolve)); // let this turn's other messages join
    while (this.pending.size > 0) {
      const reports = [...this.pending.values()];
      this.pending = new Map();
      for (let i = 0; i < reports.length; i += CHUNK) {
        try {
          await this.registry.recordStates(reports.slice(i, i + CHUNK));
        } catch (err) {
          // Logged, not retried (as before batching): the device's next `$state` supersedes it.
          this.log.warn({ devices: Math.min(CHUNK, reports.length - i), err: (err as Error).message }, 'state write failed');
        }
      }
    }
    this.draining = null;
  }
}
