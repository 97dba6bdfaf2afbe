/**
 * Presses waiting for their app-level `ack` (design §2, durability rule), on top of the
 * journal. pressId = `<tag>-<seq>`: seq survives restarts in the journal, and a random tag per
 * start keeps ids unique even if the journal is deleted. Replayed presses keep their pressId
 * and press time.
 */
import { randomBytes } from 'node:crypto';
import type { PressAction } from '../../../gateway/src/mqtt/contract.ts';
import { Journal, type JournalRecord } from './journal.ts';

export type PendingPress = {
  pressId: string;
  seq: number;
  button: number;
  action: PressAction;
  /** Wall-clock ms at the press; trustworthy only when `synced`. */
  pressedAt: number;
  synced: boolean;
  /** Monotonic ms at the press, known only to the process that saw it. */
  monoAt?: number;
  /** Loaded from the journal at start: it waited through a restart. */
  replayed: boolean;
  attempts: number;
  lastSentMono?: number;
  /** Could not be sent when it was made (no connection): it waited. In memory only. */
  deferred?: boolean;
};

export type NewPress = Pick<PendingPress, 'button' | 'action' | 'pressedAt' | 'synced' | 'monoAt'>;
export type OutboxOptions = { tag?: string; compactAfter?: number };

export class Outbox {
  private readonly pressesById = new Map<string, PendingPress>();
  private nextSeq = 0;
  private acksSinceCompaction = 0;
  readonly skipped: number;

  private constructor(private readonly journal: Journal, records: JournalRecord[], skipped: number,
    private readonly tag: string, private readonly compactAfter: number) {
    this.skipped = skipped;
    for (const r of records) {
      if (r.t === 'meta') this.nextSeq = Math.max(this.nextSeq, r.nextSeq);
      if (r.t === 'ack') this.pressesById.delete(r.pressId);
      if (r.t === 'press') {
        const { t: _t, ...press } = r;
        this.pressesById.set(r.pressId, { ...press, replayed: true, attempts: 0 });
        this.nextSeq = Math.max(this.nextSeq, r.seq + 1);
      }
    }
    this.compact();
  }

  static open(dir: string, options: OutboxOptions = {}): Outbox {
    const { journal, replay } = Journal.open(dir);
    const tag = options.tag ?? randomBytes(4).readUInt32BE(0).toString(36);
    return new Outbox(journal, replay.records, replay.skipped, tag, options.compactAfter ?? 200);
  }

  /** Journals (and fsyncs) the press before returning it: after this it cannot be lost. */
  record(press: NewPress): PendingPress {
    const seq = this.nextSeq++;
    const pending: PendingPress = { ...press, pressId: `${this.tag}-${seq}`, seq, replayed: false, attempts: 0 };
    this.journal.append({ t: 'press', pressId: pending.pressId, seq, button: press.button, action: press.action, pressedAt: press.pressedAt, synced: press.synced });
    this.pressesById.set(pending.pressId, pending);
    return pending;
  }

  /** Removes a press on its ack; undefined for an unknown id (e.g. a second ack). */
  ack(pressId: string): PendingPress | undefined {
    const press = this.pressesById.get(pressId);
    if (!press) return undefined;
    this.journal.append({ t: 'ack', pressId });
    this.pressesById.delete(pressId);
    if (++this.acksSinceCompaction >= this.compactAfter) this.compact();
    return press;
  }

  markDeferred(pressId: string): void {
    const press = this.pressesById.get(pressId);
    if (press) press.deferred = true;
  }

  markSent(pressId: string, mono: number): void {
    const press = this.pressesById.get(pressId);
    if (press) [press.attempts, press.lastSentMono] = [press.attempts + 1, mono];
  }

  /** Oldest first. */
  pending(): PendingPress[] {
    return [...this.pressesById.values()].sort((a, b) => a.seq - b.seq);
  }

  get size(): number {
    return this.pressesById.size;
  }

  close(): void {
    this.journal.close();
  }

  private compact(): void {
    const records: JournalRecord[] = [{ t: 'meta', nextSeq: this.nextSeq }];
    for (const p of this.pending()) {
      records.push({ t: 'press', pressId: p.pressId, seq: p.seq, button: p.button, action: p.action, pressedAt: p.pressedAt, synced: p.synced });
    }
    this.journal.rewrite(records);
    this.acksSinceCompaction = 0;
  }
}
