/**
 * A batch of presses as one story, set-based: load once (load-batch.ts) → decide each press
 * in arrival order with the pure decidePress, in memory (batch-state.ts) → write the common
 * outcomes together (deferred-writes.ts). Runs inside the batch's transaction; effects run
 * after its commit (report-presses.ts).
 *
 * Common presses (a merge that raises nothing, "reporter says fixed", a rejection) cost no
 * statement of their own. A press that opens, reopens, cancels or raises a ticket, or joins a
 * resolved one, goes through applyDecision as before: SLA timers, notifications and the
 * status verbs stay in one place. Its press row, timeline event and a new ticket's timers
 * still join the deferred writes.
 */
import type { Tx } from '../../db/client.ts';
import type { Category, Device, Site } from '../../db/schema.ts';
import { decidePress, type PressDecision } from '../../domain/press-decision.ts';
import { resolvePressTime } from '../../domain/press-time.ts';
import { ledPatternFor } from '../../domain/ticket-states.ts';
import { enabledWebhooks } from '../../notify/context.ts';
import { webhookWants } from '../../notify/domain/event-types.ts';
import { SlaLookups } from '../../sla/refresh-sla.ts';
import { applyDecision } from '../apply-press-decision.ts';
import type { TicketDeps } from '../deps.ts';
import type { Effects } from '../effects.ts';
import { loadLastResolved } from '../press-context.ts';
import type { PressInput, PressOutcome } from '../report-press.ts';
import { applyTelemetry, pairKey, pressKey, type RateWindow } from './batch-state.ts';
import { DeferredWrites, pressRow } from './deferred-writes.ts';
import { type BatchTicket, loadDevices, loadMappings, loadRateWindow, loadResolved, loadSeen, lockOpenTickets, lockPairs, type SeenPress } from './load-batch.ts';

export type BatchResult = PressOutcome | { pressId: string; outcome: 'error'; message: string };

const FIXED_NOTE = 'reporter held the button: it works again';

type Prepared = { input: PressInput; device: Device; site: Site; category: Category | null; mapped: boolean; pressedAt: Date };

type Batch = {
  tx: Tx; deps: TicketDeps; effects: Effects; writes: DeferredWrites;
  seen: Map<string, SeenPress>; rate: RateWindow; open: Map<string, BatchTicket>; resolved: Awaited<ReturnType<typeof loadResolved>>;
  repeatSince: Date; latestNow: Date; webhooks: Awaited<ReturnType<typeof enabledWebhooks>>; mergeHooks: boolean; slaLookups: SlaLookups;
};

export async function reportBatch(tx: Tx, deps: TicketDeps, inputs: PressInput[], effects: Effects): Promise<BatchResult[]> {
  const deviceIds = [...new Set(inputs.map((i) => i.deviceId))].sort();
  const times = inputs.map((i) => i.receivedAt.getTime());
  const minReceivedAt = new Date(Math.min(...times));
  const latestNow = new Date(Math.max(...times));
  // Independent reads, sent together: postgres.js pipelines them on the transaction's connection.
  const [found, seen, categoryOf, rate, webhooks] = await Promise.all([
    loadDevices(tx, deviceIds),
    loadSeen(tx, inputs.map((i) => ({ deviceId: i.deviceId, pressId: i.press.pressId }))),
    loadMappings(tx, deviceIds),
    loadRateWindow(tx, { deviceIds, pressKeys: [], minReceivedAt }),
    // A merge notifies only webhooks that ask for it: the list is read once per batch.
    enabledWebhooks(tx),
  ]);

  const prepared: (Prepared | null)[] = [];
  for (const input of inputs) {
    const entry = found.get(input.deviceId);
    if (!entry) {
      prepared.push(null);
      continue;
    }
    // Telemetry a press carried is part of its own snapshot, and of later presses' (design §3).
    // It is not written here: a press transaction that wrote device rows would hold their
    // locks to its commit, and the telemetry writer's batch UPDATE would queue behind it.
    if (input.telemetry) entry.device = applyTelemetry(entry.device, input.telemetry.data, input.telemetry.at);
    const { category, mapped } = entry.device.disabled ? { category: null, mapped: true } : await categoryOf(input.deviceId, input.press.button);
    prepared.push({ input, device: entry.device, site: entry.site, category, mapped, pressedAt: resolvePressTime(input.receivedAt, input.press) });
  }
  const pairs = new Map<string, { siteId: string; categoryId: string }>();
  for (const p of prepared) if (p?.category) pairs.set(pairKey(p.site.id, p.category.id), { siteId: p.site.id, categoryId: p.category.id });
  const repeatSince = new Date(minReceivedAt.getTime() - deps.rules.repeatWindowMs);
  const sortedPairs = [...pairs.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, p]) => p);
  const pressTimes = prepared.flatMap((p) => (p ? [p.pressedAt.getTime()] : []));
  // One round trip, in this order on the connection: the pair locks, then the open tickets
  // (read after the locks are granted, so a batch that just opened one is seen), then the
  // resolved tickets presses may belong to. Should the order ever slip, the unique index on
  // open tickets still refuses a second one, and the batch is retried (report-presses.ts).
  const [, open, resolved] = await Promise.all([
    lockPairs(tx, sortedPairs),
    lockOpenTickets(tx, sortedPairs, repeatSince, latestNow, deps.rules.repeatWindowMs),
    loadResolved(tx, sortedPairs, { minPressedAt: new Date(Math.min(...pressTimes)), maxPressedAt: new Date(Math.max(...pressTimes)), minNow: minReceivedAt }),
  ]);

  const batch: Batch = { tx, deps, effects, writes: new DeferredWrites(effects, deps.onPostgres, webhooks), seen, rate, open, resolved, repeatSince, latestNow, webhooks, mergeHooks: webhooks.some((w) => webhookWants(w.events, 'ticket.merged')), slaLookups: new SlaLookups() };

  const results: BatchResult[] = [];
  for (const [i, p] of prepared.entries()) {
    const input = inputs[i]!;
    results.push(p ? await reportOne(batch, p) : { pressId: input.press.pressId, outcome: 'error', message: `device ${input.deviceId} does not exist` });
  }
  await batch.writes.flush(tx);
  return results;
}

async function reportOne(b: Batch, p: Prepared): Promise<PressOutcome> {
  const { input, device, site, category } = p;
  const { press, deviceId, receivedAt } = input;
  const key = pressKey(deviceId, press.pressId);
  const earlier = b.seen.get(key);
  if (earlier) return answerRetry(press.pressId, earlier);

  if (!category) return reject(b, p, key, 'device_disabled');
  if (!p.mapped && !device.unmapped) {
    b.writes.markUnmapped(deviceId);
    device.unmapped = true;
  }
  const pair = pairKey(site.id, category.id);
  const open = b.open.get(pair) ?? null;
  const pressesLastMinute = b.rate.countSince(deviceId, new Date(receivedAt.getTime() - 60_000));
  const needsHistory = !open && press.action !== 'hold' && pressesLastMinute < b.deps.rules.rateLimitPerMinute;
  const decision = decidePress({
    action: press.action, pressedAt: p.pressedAt, now: receivedAt, pressesLastMinute, defaultPriority: category.defaultPriority, openTicket: open,
    lastResolved: needsHistory ? await lastResolved(b, p, pair) : null,
    rules: b.deps.rules,
  });
  if (decision.kind === 'rejected') return reject(b, p, key, decision.reason);
  b.rate.add(deviceId, receivedAt);
  if (open && (decision.kind === 'reporter_fixed' || (decision.kind === 'merge' && decision.raisedBy === null))) {
    return countOnOpen(b, p, key, open, decision.kind);
  }
  return applyNow(b, p, key, pair, decision);
}

/** The resolved ticket this press may belong to: preloaded for the batch, or read now for a pair whose open ticket went away in it. */
async function lastResolved(b: Batch, p: Prepared, pair: string) {
  const q = { siteId: p.site.id, categoryId: p.category!.id, deviceId: p.input.deviceId, button: p.input.press.button, pressedAt: p.pressedAt, now: p.input.receivedAt };
  if (b.resolved.has(pair)) return b.resolved.pick(pair, q);
  await b.writes.flush(b.tx); // it reads the presses before this one
  return loadLastResolved(b.tx, q);
}

/** A merge that changes nothing but the counters, or "reporter says fixed": written with the batch. */
function countOnOpen(b: Batch, p: Prepared, key: string, open: BatchTicket, kind: 'merge' | 'reporter_fixed'): PressOutcome {
  const { input, pressedAt } = p;
  const at = input.receivedAt;
  b.writes.press(rowOf(p, 'merged', open.id));
  b.writes.countPress(open.id, pressedAt, at);
  open.pressCount++;
  open.recentPressTimes.push(pressedAt);
  const data = { pressId: input.press.pressId, action: input.press.action };
  const actor = `device:${input.deviceId}`;
  b.writes.event(kind === 'merge'
    ? { ticketId: open.id, type: 'press_merged', actor, at, note: null, data }
    : { ticketId: open.id, type: 'reporter_says_fixed', actor, at, note: FIXED_NOTE, data });
  if (kind === 'merge' && b.mergeHooks) {
    b.writes.notify({ type: 'ticket.merged', ticketId: open.id, data: { pressId: input.press.pressId, pressCount: open.pressCount } }, at);
  }
  b.effects.events.push({ type: 'ticket.merged', ticketId: open.id });
  const button = input.press.button;
  b.effects.buttonLeds.set(`${input.deviceId}\u0000${button}`, { ticketId: open.id, deviceId: input.deviceId, button, pattern: ledPatternFor(open.status, false) });
  const ticketNumber = open.ticketNumber;
  b.seen.set(key, { outcome: 'merged', reason: null, ticketId: open.id, ticketNumber });
  return { pressId: input.press.pressId, outcome: 'merged', ticketId: open.id, ticketNumber };
}

/** Opens, reopens, cancels, raises or attaches late: written at once, after the batch's earlier presses. */
async function applyNow(b: Batch, p: Prepared, key: string, pair: string, decision: PressDecision): Promise<PressOutcome> {
  const { input, device, site, category, pressedAt } = p;
  // A new ticket reads nothing the deferred writes change (the SLA settings, its own row), so
  // it does not flush them: the presses, events and timers of a storm's new tickets go out
  // together. The other decisions read the ticket's counters or press times.
  if (decision.kind !== 'create') await b.writes.flush(b.tx);
  const out = await applyDecision(b.tx, b.deps, {
    deviceId: input.deviceId, press: input.press, pressedAt, receivedAt: input.receivedAt, device, site, category, decision, source: input.source ?? 'button', slaLookups: b.slaLookups,
    later: b.writes, webhooks: b.webhooks,
  }, b.effects);
  b.seen.set(key, { outcome: out.outcome, reason: out.reason ?? null, ticketId: out.ticketId ?? null, ticketNumber: out.ticketNumber ?? null });
  await trackOpen(b, p, pair, decision, out);
  return out;
}

/** What the decision did to the pair's open ticket, as the next press of the batch must see it. */
async function trackOpen(b: Batch, p: Prepared, pair: string, decision: PressDecision, out: PressOutcome): Promise<void> {
  const open = b.open.get(pair);
  switch (decision.kind) {
    case 'create':
      b.open.set(pair, {
        id: out.ticketId!, ticketNumber: out.ticketNumber!, status: 'new', priority: decision.priority, repeatRaisedAt: null, recentPressTimes: [p.pressedAt], pressCount: 1,
      });
      return;
    case 'merge':
      if (!open) return;
      open.priority = decision.priority;
      if (decision.raisedBy === 'repeat') open.repeatRaisedAt = p.input.receivedAt;
      open.pressCount++;
      open.recentPressTimes.push(p.pressedAt);
      return;
    case 'cancel':
      b.open.delete(pair);
      return;
    case 'attach_late':
      b.resolved.feed(decision.ticketId, p.input.deviceId, p.input.press.button);
      return;
    default: {
      // Reopened: read it back (locked), with its press times, this press's too (written first).
      await b.writes.flush(b.tx);
      const reloaded = await lockOpenTickets(b.tx, [{ siteId: p.site.id, categoryId: p.category!.id }], b.repeatSince, b.latestNow, b.deps.rules.repeatWindowMs);
      const now = reloaded.get(pair);
      if (now) b.open.set(pair, now);
      else b.open.delete(pair);
    }
  }
}

function reject(b: Batch, p: Prepared, key: string, reason: 'device_disabled' | 'rate_limited' | 'no_open_ticket'): PressOutcome {
  b.writes.press(rowOf(p, 'rejected', null, reason));
  b.seen.set(key, { outcome: 'rejected', reason, ticketId: null, ticketNumber: null });
  return { pressId: p.input.press.pressId, outcome: 'rejected', reason };
}

/** A retry is answered as before, so a device whose first ack was lost stops resending. */
function answerRetry(pressId: string, seen: SeenPress): PressOutcome {
  if (seen.outcome === 'rejected') return { pressId, outcome: 'rejected', ...(seen.reason && { reason: seen.reason as PressOutcome['reason'] }) };
  return { pressId, outcome: 'duplicate', ...(seen.ticketId && seen.ticketNumber && { ticketId: seen.ticketId, ticketNumber: seen.ticketNumber }) };
}

/** The press row of a press the batch decided itself. */
const rowOf = (p: Prepared, outcome: 'merged' | 'rejected', ticketId: string | null, reason?: string) =>
  pressRow({ ...p.input, pressedAt: p.pressedAt, device: p.device, category: p.category }, outcome, ticketId, reason);
