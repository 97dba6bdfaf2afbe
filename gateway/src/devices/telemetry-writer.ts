/**
 * Coalesces telemetry: everything received is merged per device and written once per
 * `intervalMs`, every pending device in one UPDATE (chunked), one write at a time. At low
 * load a report is written at once; under load 1,000 devices cost one statement a second,
 * not 1,000. A press reads its device's latest unwritten telemetry (peek) for the ticket's
 * snapshot; only this writer stores it, so a press transaction never locks device rows.
 * Presence, the rest of the snapshot, goes through a PresenceWriter it owns: written at once.
 */
import type { Logger } from 'pino';
import type { DeviceState, TelemetryPayload } from '../mqtt/contract.ts';
import { PresenceWriter } from './presence-writer.ts';
import type { DeviceRegistry, TelemetryReport } from './registry.ts';

type Partial = Omit<TelemetryPayload, 'v'>;
type Slot = { data: Partial; at: Date };

/** Rows per UPDATE: 10 parameters each stays far below PostgreSQL's 65,535. */
const CHUNK = 1000;

export class TelemetryWriter {
  private pending = new Map<string, Slot>();
  /** The reports of the write under way: not in the database yet, still the newest known. */
  private writingNow = new Map<string, Slot>();
  private timer: NodeJS.Timeout | null = null;
  private lastFlush = -Infinity;
  private writing: Promise<void> = Promise.resolve();
  private readonly presence: PresenceWriter;

  constructor(
    private readonly registry: DeviceRegistry,
    private readonly log: Logger,
    private readonly intervalMs = 1000,
  ) {
    this.presence = new PresenceWriter(registry, log);
  }

  /** A `$state`: coalesced with the others received meanwhile, not held for the interval. */
  recordState(deviceId: string, state: DeviceState, at: Date): void {
    this.presence.record(deviceId, state, at);
  }

  record(deviceId: string, data: Partial, at: Date): void {
    const slot = this.pending.get(deviceId);
    if (!slot) this.pending.set(deviceId, { data: { ...data }, at });
    else if (at >= slot.at) {
      Object.assign(slot.data, data);
      slot.at = at;
    } else slot.data = { ...data, ...slot.data }; // a report handed back by a failed press: older, fills gaps only
    this.arm();
  }

  /**
   * The device's telemetry not yet in the database (merged, a copy): a press applies it to
   * the device row it reads, so the ticket's snapshot is current without writing it.
   */
  peek(deviceId: string): Slot | null {
    const [older, newer] = [this.writingNow.get(deviceId), this.pending.get(deviceId)];
    if (!older && !newer) return null;
    if (!older || !newer) return { data: { ...(older ?? newer)!.data }, at: (older ?? newer)!.at };
    return { data: { ...older.data, ...newer.data }, at: newer.at };
  }

  /** Writes everything pending now (after any write under way); used by the timer and at shutdown. */
  flushAll(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.writing = this.writing.then(() => this.write());
    return Promise.all([this.writing, this.presence.flushAll()]).then(() => {});
  }

  private arm(): void {
    if (this.timer) return;
    const wait = Math.max(0, this.lastFlush + this.intervalMs - performance.now());
    this.timer = setTimeout(() => void this.flushAll(), wait);
    this.timer.unref();
  }

  private async write(): Promise<void> {
    if (this.pending.size === 0) return;
    const reports: TelemetryReport[] = [...this.pending].map(([deviceId, s]) => ({ deviceId, data: s.data, at: s.at }));
    this.writingNow = this.pending;
    this.pending = new Map();
    this.lastFlush = performance.now();
    for (let i = 0; i < reports.length; i += CHUNK) {
      try {
        await this.registry.recordTelemetry(reports.slice(i, i + CHUNK));
      } catch (err) {
        // Telemetry is a snapshot, not a record: the next message supersedes a lost one.
        this.log.warn({ devices: Math.min(CHUNK, reports.length - i), err: (err as Error).message }, 'telemetry write failed');
      }
    }
    this.writingNow = new Map();
    if (this.pending.size > 0) this.arm(); // what arrived meanwhile waits for the next interval
  }
}
