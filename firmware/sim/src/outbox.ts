/**
 * The device's press outbox, keyed by pressId: a press stays here, and is resent, until the
 * app-level `ack` for it arrives (design §2 durability rule). MQTT.js keeps its own in-flight
 * store only in memory, so this is what survives a reconnect or a restart of the simulator.
 * Pure bookkeeping: callers pass `now` (epoch ms).
 */
import { z } from 'zod';
import { PressPayload } from '../../../gateway/src/mqtt/contract.ts';

export const OutboxEntry = PressPayload.pick({ pressId: true, seq: true, button: true, action: true }).extend({
  pressedAt: z.number().int().positive(),
  attempts: z.number().int().nonnegative(),
  nextAttemptAt: z.number(),
  /** First publish by this process: ack latency is measured from here, also for restored presses. */
  firstSentAt: z.number().optional(),
});
export type OutboxEntry = z.infer<typeof OutboxEntry>;

export type NewPress = Pick<OutboxEntry, 'pressId' | 'seq' | 'button' | 'action' | 'pressedAt'>;

/** A press first published later than this after it happened is flagged as queued. */
const QUEUED_AFTER_MS = 1_000;
/** A button's flash holds a few hundred presses; beyond that the oldest is dropped. */
export const DEFAULT_CAPACITY = 500;

export class Outbox {
  readonly #entries = new Map<string, OutboxEntry>();

  constructor(private readonly capacity = DEFAULT_CAPACITY) {}

  static restore(entries: readonly OutboxEntry[], capacity = DEFAULT_CAPACITY): Outbox {
    const outbox = new Outbox(capacity);
    // Another process's send time would make the latency include the downtime.
    for (const entry of entries) outbox.#entries.set(entry.pressId, { ...entry, firstSentAt: undefined });
    return outbox;
  }

  get size(): number {
    return this.#entries.size;
  }

  /**
   * Queues a press for sending now and returns its entry; a pressId already queued is left
   * alone (no entry). When full, the oldest press is dropped and returned as `evicted`.
   */
  add(press: NewPress, now: number): { entry?: OutboxEntry; evicted?: OutboxEntry } {
    if (this.#entries.has(press.pressId)) return {};
    let evicted: OutboxEntry | undefined;
    if (this.#entries.size >= this.capacity) {
      evicted = this.#entries.values().next().value;
      if (evicted) this.#entries.delete(evicted.pressId);
    }
    const entry: OutboxEntry = { ...press, attempts: 0, nextAttemptAt: now };
    this.#entries.set(press.pressId, entry);
    return evicted ? { entry, evicted } : { entry };
  }

  /** Presses whose (re)send is due, oldest first. */
  due(now: number): OutboxEntry[] {
    return [...this.#entries.values()].filter((e) => e.nextAttemptAt <= now);
  }

  recordAttempt(pressId: string, now: number, retryInMs: number): void {
    const entry = this.#entries.get(pressId);
    if (!entry) return;
    entry.attempts += 1;
    entry.firstSentAt ??= now;
    entry.nextAttemptAt = now + retryInMs;
  }

  /** Ends a press on its ack, whatever the outcome; undefined if it was not (or no longer) queued. */
  settle(pressId: string): OutboxEntry | undefined {
    const entry = this.#entries.get(pressId);
    this.#entries.delete(pressId);
    return entry;
  }

  /** After a reconnect everything pending goes out at once rather than waiting for its timer. */
  expediteAll(now: number): void {
    for (const entry of this.#entries.values()) entry.nextAttemptAt = Math.min(entry.nextAttemptAt, now);
  }

  snapshot(): OutboxEntry[] {
    return [...this.#entries.values()].map((e) => ({ ...e }));
  }
}

/**
 * The wire payload for a (re)send. `pressedAt` is always kept (the simulated clock is synced);
 * a resend or a late first send also says `queued` and how old the press is.
 */
export function pressPayload(entry: OutboxEntry, now: number): PressPayload {
  const { pressId, seq, button, action, pressedAt } = entry;
  const payload: PressPayload = { v: 1, pressId, seq, button, action, pressedAt };
  const ageMs = Math.max(0, Math.round(now - pressedAt));
  if (entry.attempts > 0 || ageMs > QUEUED_AFTER_MS) Object.assign(payload, { queued: true, ageMs });
  return payload;
}
