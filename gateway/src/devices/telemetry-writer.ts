/**
 * Coalesces telemetry: at most one write per device per `intervalMs`, carrying the merge of
 * everything received meanwhile. A press takes its device's unwritten telemetry into its own
 * transaction, so the ticket's snapshot is current at no extra write.
 */
import type { Logger } from 'pino';
import type { TelemetryPayload } from '../mqtt/contract.ts';
import type { DeviceRegistry } from './registry.ts';

type Partial = Omit<TelemetryPayload, 'v'>;
type Slot = { data: Partial; at: Date; timer: NodeJS.Timeout | null };

export class TelemetryWriter {
  private readonly pending = new Map<string, Slot>();
  private readonly lastWrite = new Map<string, number>();

  constructor(
    private readonly registry: DeviceRegistry,
    private readonly log: Logger,
    private readonly intervalMs = 1000,
  ) {}

  record(deviceId: string, data: Partial, at: Date): void {
    const slot = this.pending.get(deviceId);
    if (slot) {
      Object.assign(slot.data, data);
      slot.at = at;
      return;
    }
    const wait = Math.max(0, (this.lastWrite.get(deviceId) ?? 0) + this.intervalMs - at.getTime());
    const fresh: Slot = { data: { ...data }, at, timer: null };
    this.pending.set(deviceId, fresh);
    fresh.timer = setTimeout(() => void this.flush(deviceId), wait);
    fresh.timer.unref();
  }

  async flush(deviceId: string): Promise<void> {
    const slot = this.pending.get(deviceId);
    if (!slot) return;
    this.pending.delete(deviceId);
    if (slot.timer) clearTimeout(slot.timer);
    this.lastWrite.set(deviceId, slot.at.getTime());
    try {
      await this.registry.recordTelemetry(deviceId, slot.data, slot.at);
    } catch (err) {
      // Telemetry is a snapshot, not a record: the next message supersedes a lost one.
      this.log.warn({ deviceId, err: (err as Error).message }, 'telemetry write failed');
    }
  }

  /**
   * Hands over the device's unwritten telemetry (and forgets it here): a press carries it into
   * its own transaction, so the ticket's snapshot is current without a write of its own.
   */
  take(deviceId: string): { data: Partial; at: Date } | null {
    const slot = this.pending.get(deviceId);
    if (!slot) return null;
    this.pending.delete(deviceId);
    if (slot.timer) clearTimeout(slot.timer);
    this.lastWrite.set(deviceId, slot.at.getTime());
    return { data: slot.data, at: slot.at };
  }

  async flushAll(): Promise<void> {
    await Promise.all([...this.pending.keys()].map((id) => this.flush(id)));
  }

  forget(deviceId: string): void {
    this.lastWrite.delete(deviceId);
  }
}
