/**
 * A batch of presses in one transaction: one commit (one fsync) for many presses, which is
 * what lifts the press pipeline under load. Nothing is acknowledged before the commit
 * (design §2 durability rule). A batch that fails is retried press by press, so one bad
 * press cannot hold back the others.
 */
import type { Db } from '../db/client.ts';
import { dbMessage, RETRYABLE_STATES, sqlState } from '../db/errors.ts';
import type { PressRules } from '../domain/press-decision.ts';
import type { EventBus } from '../events/bus.ts';
import type { PendingEvent, PressInput, PressOutcome } from './report-press.ts';
import { reportPress } from './report-press.ts';
import { loadTicketViews } from './ticket-view.ts';

export type PressFailure = { pressId: string; outcome: 'error'; message: string };
export type PressResult = PressOutcome | PressFailure;
export type ReportDeps = { db: Db; bus: EventBus; rules: PressRules };

const MAX_ATTEMPTS = 3;

export async function reportPresses(deps: ReportDeps, inputs: PressInput[]): Promise<PressResult[]> {
  if (inputs.length === 0) return [];
  try {
    return await commitBatch(deps, inputs);
  } catch (err) {
    if (inputs.length === 1) return [{ pressId: inputs[0]!.press.pressId, outcome: 'error', message: dbMessage(err) }];
  }
  const results: PressResult[] = [];
  for (const input of inputs) {
    try {
      results.push(...(await commitBatch(deps, [input])));
    } catch (err) {
      results.push({ pressId: input.press.pressId, outcome: 'error', message: dbMessage(err) });
    }
  }
  return results;
}

/** Commits the batch, retrying the whole transaction on races another process won. */
async function commitBatch(deps: ReportDeps, inputs: PressInput[]): Promise<PressOutcome[]> {
  for (let attempt = 1; ; attempt++) {
    const events: PendingEvent[] = [];
    try {
      const results = await deps.db.transaction(async (tx) => {
        const out: PressOutcome[] = [];
        for (const input of inputs) out.push(await reportPress(tx, input, deps.rules, events));
        return out;
      });
      await publishEvents(deps, events);
      return results;
    } catch (err) {
      // Another process opened the same ticket or recorded the same press first: a fresh
      // attempt sees its commit and merges or answers "duplicate".
      if (attempt >= MAX_ATTEMPTS || !RETRYABLE_STATES.has(sqlState(err) ?? '')) throw err;
    }
  }
}

/** After the commit: one event per touched ticket, carrying the ticket as clients see it. */
async function publishEvents(deps: ReportDeps, events: PendingEvent[]): Promise<void> {
  if (events.length === 0) return;
  try {
    const views = new Map((await loadTicketViews(deps.db, [...new Set(events.map((e) => String(e.data.ticketId)))])).map((t) => [t.id, t]));
    for (const e of events) deps.bus.publish(e.type, { ticket: views.get(String(e.data.ticketId)) ?? e.data });
  } catch {
    // The presses are committed; a board that missed this event catches up on its next load.
    for (const e of events) deps.bus.publish(e.type, e.data);
  }
}
