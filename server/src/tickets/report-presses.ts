/**
 * A batch of presses in one transaction: one commit (one fsync) and a fixed number of
 * statements for many presses (press-batch/report-batch.ts), which is what lifts the press
 * pipeline under load. Nothing is acknowledged before the commit (design §2 durability rule).
 * A batch that fails is retried press by press, so one bad press cannot hold back the others.
 */
import { dbMessage, RETRYABLE_STATES, sqlState } from '../db/errors.ts';
import type { TicketDeps } from './deps.ts';
import { flushEffects, newEffects } from './effects.ts';
import { type BatchResult, reportBatch } from './press-batch/report-batch.ts';
import type { PressInput, PressOutcome } from './report-press.ts';

export type PressFailure = { pressId: string; outcome: 'error'; message: string };
export type PressResult = PressOutcome | PressFailure;

const MAX_ATTEMPTS = 3;

export async function reportPresses(deps: TicketDeps, inputs: PressInput[]): Promise<PressResult[]> {
  if (inputs.length === 0) return [];
  try {
    return await commitBatch(deps, inputs);
  } catch (err) {
    if (inputs.length === 1) return [failed(inputs[0]!, err)];
  }
  const results: PressResult[] = [];
  for (const input of inputs) {
    try {
      results.push(...(await commitBatch(deps, [input])));
    } catch (err) {
      results.push(failed(input, err));
    }
  }
  return results;
}

/**
 * A press the database refuses for its data (SQLSTATE class 22, e.g. a value out of range)
 * would fail on every retry: it is answered `rejected` so the device drops it. Anything else
 * (connection lost, timeout) is an `error`: no PUBACK, and the device retries.
 */
function failed(input: PressInput, err: unknown): PressResult {
  if (sqlState(err)?.startsWith('22')) return { pressId: input.press.pressId, outcome: 'rejected', reason: 'invalid_payload' };
  return { pressId: input.press.pressId, outcome: 'error', message: dbMessage(err) };
}

/** Commits the batch, retrying the whole transaction on races another process won. */
async function commitBatch(deps: TicketDeps, inputs: PressInput[]): Promise<BatchResult[]> {
  for (let attempt = 1; ; attempt++) {
    const effects = newEffects();
    try {
      const results = await deps.db.transaction((tx) => reportBatch(tx, deps, inputs, effects));
      await flushEffects(deps, effects);
      return results;
    } catch (err) {
      // Another process opened the same ticket or recorded the same press first: a fresh
      // attempt sees its commit and merges or answers "duplicate".
      if (attempt >= MAX_ATTEMPTS || !RETRYABLE_STATES.has(sqlState(err) ?? '')) throw err;
    }
  }
}
