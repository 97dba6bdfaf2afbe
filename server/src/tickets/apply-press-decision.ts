/** Writes what decidePress decided: the press row, the ticket change and its timeline events. */
import { eq, sql } from 'drizzle-orm';
import type { AckOutcome, PressPayload, RejectReason } from '../../../gateway/src/mqtt/contract.ts';
import type { Tx } from '../db/client.ts';
import type { Category, Device, Site } from '../db/schema.ts';
import { presses, ticketEvents, tickets } from '../db/schema.ts';
import type { PressDecision } from '../domain/press-decision.ts';
import { snapshotOf } from '../devices/snapshot.ts';
import type { PendingEvent, PressOutcome } from './report-press.ts';
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
};

export async function applyDecision(tx: Tx, input: ApplyInput, events: PendingEvent[]): Promise<PressOutcome> {
  const { decision, press } = input;
  const actor = `device:${input.deviceId}`;
  const at = input.receivedAt;
  switch (decision.kind) {
    case 'rejected':
      await insertPress(tx, input, 'rejected', null, decision.reason);
      return { pressId: press.pressId, outcome: 'rejected', reason: decision.reason };
    case 'create': {
      const category = input.category as Category;
      const [ticket] = await tx.insert(tickets).values({
        status: 'new', priority: decision.priority, source: input.source ?? 'button',
        siteId: input.site.id, categoryId: category.id, deviceId: input.deviceId,
        title: `${category.name} — ${input.site.name}`, openedAt: input.pressedAt, lastPressAt: input.pressedAt,
        pressCount: 1, teamId: category.teamId, snapshot: snapshotOf(input.device),
      }).returning();
      const t = ticket!;
      await insertPress(tx, input, 'created', t.id);
      await tx.insert(ticketEvents).values({ ticketId: t.id, type: 'created', actor, toStatus: 'new', at, data: { pressId: press.pressId, action: press.action } });
      events.push({ type: 'ticket.created', data: { ticketId: t.id } });
      return { pressId: press.pressId, outcome: 'created', ...ticketRef(t.id, t.number) };
    }
    case 'merge': {
      const [t] = await tx.update(tickets).set({
        pressCount: sql`${tickets.pressCount} + 1`,
        lastPressAt: sql`greatest(${tickets.lastPressAt}, ${input.pressedAt.toISOString()}::timestamptz)`,
        priority: decision.priority,
        ...(decision.raisedBy === 'repeat' && { repeatRaisedAt: at }),
        updatedAt: at,
      }).where(eq(tickets.id, decision.ticketId)).returning({ id: tickets.id, number: tickets.number });
      await insertPress(tx, input, 'merged', decision.ticketId);
      await tx.insert(ticketEvents).values({ ticketId: decision.ticketId, type: 'press_merged', actor, at, data: { pressId: press.pressId, action: press.action } });
      if (decision.raisedBy) {
        await tx.insert(ticketEvents).values({
          ticketId: decision.ticketId, type: 'priority_raised', actor, at,
          note: decision.raisedBy === 'double' ? 'double press: marked urgent' : 'repeated presses', data: { priority: decision.priority },
        });
      }
      events.push({ type: 'ticket.merged', data: { ticketId: decision.ticketId } });
      return { pressId: press.pressId, outcome: 'merged', ...ticketRef(t!.id, t!.number) };
    }
    case 'cancel':
    case 'reporter_fixed':
      return applyHold(tx, input, decision, events);
  }
}

async function applyHold(
  tx: Tx, input: ApplyInput, decision: { kind: 'cancel' | 'reporter_fixed'; ticketId: string }, events: PendingEvent[],
): Promise<PressOutcome> {
  const actor = `device:${input.deviceId}`;
  const at = input.receivedAt;
  const outcome: AckOutcome = decision.kind === 'cancel' ? 'cancelled' : 'merged';
  const [t] = await tx.update(tickets).set({
    ...(decision.kind === 'cancel' && { status: 'cancelled' as const, closedAt: at }),
    pressCount: sql`${tickets.pressCount} + 1`,
    updatedAt: at,
  }).where(eq(tickets.id, decision.ticketId)).returning({ id: tickets.id, number: tickets.number });
  await insertPress(tx, input, outcome, decision.ticketId);
  await tx.insert(ticketEvents).values(decision.kind === 'cancel'
    ? { ticketId: decision.ticketId, type: 'status_changed', actor, fromStatus: 'new', toStatus: 'cancelled', at, note: 'reporter held the button: it works again' }
    : { ticketId: decision.ticketId, type: 'reporter_says_fixed', actor, at, note: 'reporter held the button: it works again' });
  events.push({ type: 'ticket.updated', data: { ticketId: decision.ticketId } });
  return { pressId: input.press.pressId, outcome, ...ticketRef(t!.id, t!.number) };
}

async function insertPress(tx: Tx, input: ApplyInput, outcome: AckOutcome, ticketId: string | null, reason?: string) {
  const { press } = input;
  await tx.insert(presses).values({
    deviceId: input.deviceId, pressId: press.pressId, seq: press.seq, button: press.button, action: press.action,
    pressedAt: input.pressedAt, receivedAt: input.receivedAt, queued: press.queued ?? false,
    outcome, reason: reason ?? null, ticketId, categoryId: input.category?.id ?? null, snapshot: snapshotOf(input.device),
  });
}
