/** Writes what decidePress decided: the press row, the ticket change, timeline, SLA and effects. */
import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { AckOutcome, PressPayload, RejectReason } from '../../../gateway/src/mqtt/contract.ts';
import type { Tx } from '../db/client.ts';
import type { Category, Device, Site, Ticket } from '../db/schema.ts';
import { ticketEvents, tickets } from '../db/schema.ts';
import type { PressDecision } from '../domain/press-decision.ts';
import { snapshotOf } from '../devices/snapshot.ts';
import type { NotifyContext } from '../notify/context.ts';
import { notify } from '../notify/notify.ts';
import { refreshSla, type SlaLookups, slaOfNewTicket } from '../sla/refresh-sla.ts';
import { applyStatusVerb } from './change-status.ts';
import type { TicketDeps } from './deps.ts';
import type { Effects } from './effects.ts';
import { type DeferredWrites, pressRow } from './press-batch/deferred-writes.ts';
import type { PressOutcome } from './report-press.ts';
import { ticketRef } from './report-press.ts';

export type ApplyInput = {
  deviceId: string;
  press: PressPayload;
  pressedAt: Date;
  receivedAt: Date;
  device: Device;
  site: Site;
  category: Category | null;
  decision: PressDecision | { kind: 'rejected'; reason: RejectReason };
  source?: 'button' | 'virtual';
  /** The batch's policies and calendars, read once (a storm opens many tickets in one batch). */
  slaLookups?: SlaLookups;
  /**
   * The batch's deferred writes: the press row, its timeline event and a new ticket's SLA
   * timers go out with the batch's next writes (pipelined), not one statement each now.
   */
  later: DeferredWrites;
  /** The enabled webhooks, read once by the batch. */
  webhooks: NotifyContext['webhooks'];
};

const FIXED_NOTE = 'reporter held the button: it works again';

export async function applyDecision(tx: Tx, deps: TicketDeps, input: ApplyInput, effects: Effects): Promise<PressOutcome> {
  const { decision, press } = input;
  const actor = `device:${input.deviceId}`;
  const at = input.receivedAt;
  const done = (outcome: AckOutcome, t: Pick<Ticket, 'id' | 'number'>, event?: string, note?: string): PressOutcome => {
    input.later.press(pressRow(input, outcome, t.id));
    if (event) {
      input.later.event({
        ticketId: t.id, type: event, actor, at, note: note ?? null, toStatus: event === 'created' ? 'new' : null, data: { pressId: press.pressId, action: press.action },
      });
    }
    effects.events.push({ type: outcome === 'created' ? 'ticket.created' : outcome === 'merged' ? 'ticket.merged' : 'ticket.updated', ticketId: t.id });
    effects.leds.add(t.id);
    return { pressId: press.pressId, outcome, ...ticketRef(t.id, t.number) };
  };
  switch (decision.kind) {
    case 'rejected':
      input.later.press(pressRow(input, 'rejected', null, decision.reason));
      return { pressId: press.pressId, outcome: 'rejected', reason: decision.reason };
    case 'create': {
      const t = await openTicket(tx, input, decision.priority, effects);
      if ((await notify(tx, { type: 'ticket.created', ticketId: t.id, data: { pressId: press.pressId } }, at, { webhooks: input.webhooks })) > 0) effects.notified = true;
      return done('created', t, 'created');
    }
    case 'merge': {
      const t = await countPress(tx, decision.ticketId, at, { priority: decision.priority, ...(decision.raisedBy === 'repeat' && { repeatRaisedAt: at }) }, input.pressedAt);
      if (decision.raisedBy) {
        await Promise.all([ // one round trip: the event, then the SLA's first statements
          tx.insert(ticketEvents).values({ ticketId: t.id, type: 'priority_raised', actor, at, note: decision.raisedBy === 'double' ? 'double press: marked urgent' : 'repeated presses', data: { priority: decision.priority } }),
          refreshSla(tx, deps, t, at, effects, { site: input.site, lookups: input.slaLookups }),
        ]);
      }
      if ((await notify(tx, { type: 'ticket.merged', ticketId: t.id, data: { pressId: press.pressId, pressCount: t.pressCount } }, at, { webhooks: input.webhooks })) > 0) effects.notified = true;
      return done('merged', t, 'press_merged');
    }
    case 'attach_late':
      return done('merged', await countPress(tx, decision.ticketId, at, {}, input.pressedAt), 'late_press', 'pressed before the resolution, delivered late');
    case 'reopen': {
      const t = await applyStatusVerb(tx, deps, effects, decision.ticketId, 'reopen', { id: actor }, at, 'still broken: pressed again after resolution');
      return done('reopened', await countPress(tx, t.id, at, {}, input.pressedAt));
    }
    case 'cancel': {
      const t = await applyStatusVerb(tx, deps, effects, decision.ticketId, 'cancel', { id: actor }, at, FIXED_NOTE);
      return done('cancelled', await countPress(tx, t.id, at, {}, input.pressedAt));
    }
    case 'reporter_fixed':
      return done('merged', await countPress(tx, decision.ticketId, at, {}, input.pressedAt), 'reporter_says_fixed', FIXED_NOTE);
  }
}

/**
 * A new ticket, already counting the press that opened it, inserted with its SLA (no UPDATE
 * after the insert); its timers are written with the batch's next writes, in one insert for
 * all the tickets the batch opens.
 */
async function openTicket(tx: Tx, input: ApplyInput, priority: Ticket['priority'], effects: Effects): Promise<Ticket> {
  const category = input.category as Category;
  const draft = { id: randomUUID(), siteId: input.site.id, categoryId: category.id, priority, source: input.source ?? 'button', openedAt: input.pressedAt };
  const sla = await slaOfNewTicket(tx, draft, input.receivedAt, { site: input.site, lookups: input.slaLookups });
  const [t] = await tx.insert(tickets).values({
    ...draft, ...sla.fields, status: 'new', deviceId: input.deviceId, title: `${category.name} — ${input.site.name}`, lastPressAt: input.pressedAt,
    pressCount: 1, updatedAt: input.receivedAt, teamId: category.teamId, snapshot: snapshotOf(input.device),
  }).returning();
  if (sla.timers.length) {
    input.later.schedule(sla.timers);
    effects.jobs = true;
  }
  return t!;
}

/** One more press on a ticket (and any other column changes that come with it). */
async function countPress(tx: Tx, ticketId: string, at: Date, set: Partial<Ticket>, pressedAt: Date): Promise<Ticket> {
  const [t] = await tx.update(tickets).set({
    ...set,
    pressCount: sql`${tickets.pressCount} + 1`,
    lastPressAt: sql`greatest(${tickets.lastPressAt}, ${pressedAt.toISOString()}::timestamptz)`,
    updatedAt: at,
  }).where(eq(tickets.id, ticketId)).returning();
  return t!;
}

