/**
 * The writes of a batch's common presses, collected while deciding and written set-based:
 * multi-row press inserts, one UPDATE … FROM unnest(…) for the counters of every ticket
 * they fed, one multi-row timeline insert, one UPDATE for newly unmapped devices, one insert
 * of the SLA timers of the tickets the batch opened (written after their inserts). A press
 * that needs more (a new ticket, a status change, an SLA refresh) flushes these first and is
 * then written by applyDecision, so every read it makes sees the presses before it; its own
 * press row and timeline event come back here, for the next flush.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { AckOutcome, PressPayload } from '../../../../gateway/src/mqtt/contract.ts';
import type { Tx } from '../../db/client.ts';
import type { Category, Device } from '../../db/schema.ts';
import { snapshotOf } from '../../devices/snapshot.ts';
import { anyOf, powerOfTwoRuns, unnestOf } from '../../db/list-params.ts';
import { devices, presses, ticketEvents } from '../../db/schema.ts';
import { type NewJob, scheduleJobs } from '../../jobs/jobs.ts';
import type { NotifyContext } from '../../notify/context.ts';
import { notify, type NotifyEvent } from '../../notify/notify.ts';
import type { Effects } from '../effects.ts';
import { TicketDeltas } from './batch-state.ts';

type PressRow = typeof presses.$inferInsert;

type EventRow = typeof ticketEvents.$inferInsert;

/** A press's row: what it said, when, what was decided, and its device's snapshot. */
export function pressRow(
  p: { deviceId: string; press: PressPayload; pressedAt: Date; receivedAt: Date; device: Device; category: Category | null },
  outcome: AckOutcome, ticketId: string | null, reason?: string,
): PressRow {
  const { press } = p;
  return {
    deviceId: p.deviceId, pressId: press.pressId, seq: press.seq, button: press.button, action: press.action, pressedAt: p.pressedAt, receivedAt: p.receivedAt,
    queued: press.queued ?? false, outcome, reason: reason ?? null, ticketId, categoryId: p.category?.id ?? null, snapshot: snapshotOf(p.device),
  };
}

export class DeferredWrites {
  constructor(
    private readonly effects: Effects,
    private readonly onPostgres: boolean,
    /** The enabled webhooks the batch read: its merge notices need not read them again. */
    private readonly webhooks: NotifyContext['webhooks'],
  ) {}

  private pressRows: PressRow[] = [];
  private eventRows: EventRow[] = [];
  private readonly deltas = new TicketDeltas();
  private unmapped = new Set<string>();
  private notices: { event: NotifyEvent; at: Date }[] = [];
  private timers: NewJob[] = [];

  press(row: PressRow): void {
    this.pressRows.push(row);
  }

  /** One more press on a ticket: pressCount + 1, lastPressAt moves forward, updatedAt = `at`. */
  countPress(ticketId: string, pressedAt: Date, at: Date): void {
    this.deltas.add(ticketId, pressedAt, at);
  }

  event(row: EventRow): void {
    this.eventRows.push(row);
  }

  markUnmapped(deviceId: string): void {
    this.unmapped.add(deviceId);
  }

  /** SLA timers of tickets already inserted in this transaction (one insert for a batch's new tickets). */
  schedule(timers: NewJob[]): void {
    this.timers.push(...timers);
  }

  /** Outbox rows are written after the ticket counters, so they carry the counted ticket. */
  notify(event: NotifyEvent, at: Date): void {
    this.notices.push({ event, at });
  }

  /** Writes everything collected; the statements are independent and go out together (pipelined). */
  async flush(tx: Tx): Promise<void> {
    const writes: Promise<unknown>[] = [];
    if (this.unmapped.size > 0) {
      writes.push(tx.update(devices).set({ unmapped: true }).where(and(anyOf(devices.id, [...this.unmapped].sort(), 'text'), eq(devices.unmapped, false))));
      this.unmapped = new Set();
    }
    const deltas = this.deltas.take();
    if (deltas.length > 0) {
      const rows = unnestOf([
        { values: deltas.map((d) => d.ticketId), type: 'uuid' }, { values: deltas.map((d) => d.count), type: 'int' },
        { values: deltas.map((d) => d.lastPressAt.toISOString()), type: 'timestamptz' }, { values: deltas.map((d) => d.at.toISOString()), type: 'timestamptz' },
      ]);
      writes.push(tx.execute(sql`update tickets t set press_count = t.press_count + v.n, last_press_at = greatest(t.last_press_at, v.last_press_at), updated_at = v.at
        from ${rows} as v(id, n, last_press_at, at) where t.id = v.id`));
    }
    if (this.pressRows.length > 0) {
      // A plain insert: a press another transaction recorded meanwhile fails the batch with a
      // unique violation, and the retry answers it as a duplicate (report-presses.ts).
      for (const run of powerOfTwoRuns(this.pressRows)) writes.push(tx.insert(presses).values(run).then(() => undefined));
      this.pressRows = [];
    }
    if (this.eventRows.length > 0) {
      for (const run of powerOfTwoRuns(this.eventRows)) writes.push(tx.insert(ticketEvents).values(run).then(() => undefined));
      this.eventRows = [];
    }
    if (this.timers.length > 0) {
      writes.push(scheduleJobs(tx, this.timers, this.onPostgres));
      this.timers = [];
    }
    await Promise.all(writes);
    const notices = this.notices;
    this.notices = [];
    // Outbox rows read the ticket as counted above.
    for (const n of notices) if ((await notify(tx, n.event, n.at, { webhooks: this.webhooks })) > 0) this.effects.notified = true;
  }
}
