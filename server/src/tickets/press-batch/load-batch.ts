/**
 * Everything a batch of presses needs to decide, loaded with one statement per kind instead
 * of one per press: devices with their sites, presses already recorded, button mappings,
 * the rate-limit window, and the open tickets of the batch's (site, category) pairs, locked
 * in id order so concurrent batches cannot deadlock on them.
 */
import { and, eq, gt, gte, inArray, isNull, lte, ne, or, type Placeholder, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { anyOf, unnestOf } from '../../db/list-params.ts';
import { type Params, statement } from '../../db/statements.ts';
import type { Category, Device, Site, Ticket } from '../../db/schema.ts';
import { categories, deviceButtons, devices, OPEN_STATUSES, presses, sites, tickets } from '../../db/schema.ts';
import type { OpenTicket, ResolvedTicket } from '../../domain/press-decision.ts';
import { formatTicketNumber } from '../../domain/priority.ts';
import { AppError } from '../../errors.ts';
import { TRIAGE_KEY } from '../press-context.ts';
import { pairKey, pressKey, RateWindow } from './batch-state.ts';

/** An open ticket as the batch keeps it: the decision's view plus what acks and counters need. */
export type BatchTicket = OpenTicket & { ticketNumber: string; pressCount: number };
/** How an earlier record of the same press was answered; a retry is answered the same. */
export type SeenPress = { outcome: string; reason: string | null; ticketId: string | null; ticketNumber: string | null };

export type BatchKeys = { deviceIds: string[]; pressKeys: { deviceId: string; pressId: string }[]; minReceivedAt: Date };

// Every statement here runs once per batch: built once (db/statements.ts), not on each call.
const devicesWithSites = statement('batch.devices', (db, p: Params<{ ids: string[] }>) =>
  db.select().from(devices).innerJoin(sites, eq(sites.id, devices.siteId)).where(anyOf(devices.id, p.ids, 'text')));

export async function loadDevices(tx: Tx, deviceIds: string[]): Promise<Map<string, { device: Device; site: Site }>> {
  const rows = await devicesWithSites.run(tx, { ids: deviceIds });
  return new Map(rows.map((r) => [r.devices.id, { device: r.devices, site: r.sites }]));
}

const seenPresses = statement('batch.seen', (db, p: Params<{ deviceIds: string[]; pressIds: string[] }>) => db
  .select({ deviceId: presses.deviceId, pressId: presses.pressId, outcome: presses.outcome, reason: presses.reason, ticketId: presses.ticketId, number: tickets.number })
  .from(presses).leftJoin(tickets, eq(tickets.id, presses.ticketId))
  .where(sql`(${presses.deviceId}, ${presses.pressId}) in (select * from ${unnestOf([{ values: p.deviceIds, type: 'text' }, { values: p.pressIds, type: 'text' }])})`));

export async function loadSeen(tx: Tx, keys: BatchKeys['pressKeys']): Promise<Map<string, SeenPress>> {
  const rows = await seenPresses.run(tx, { deviceIds: keys.map((k) => k.deviceId), pressIds: keys.map((k) => k.pressId) });
  return new Map(rows.map((r) => [pressKey(r.deviceId, r.pressId), {
    outcome: r.outcome, reason: r.reason, ticketId: r.ticketId, ticketNumber: r.ticketId && r.number ? formatTicketNumber(r.number) : null,
  }]));
}

const buttonMappings = statement('batch.mappings', (db, p: Params<{ deviceIds: string[] }>) =>
  db.select({ deviceId: deviceButtons.deviceId, button: deviceButtons.button, category: categories })
    .from(deviceButtons).innerJoin(categories, eq(categories.id, deviceButtons.categoryId))
    .where(anyOf(deviceButtons.deviceId, p.deviceIds, 'text')));

/** Button → category for the batch's devices; the triage category takes unmapped buttons. */
export async function loadMappings(tx: Tx, deviceIds: string[]) {
  const rows = await buttonMappings.run(tx, { deviceIds });
  const mapped = new Map(rows.map((r) => [`${r.deviceId}\u0000${r.button}`, r.category]));
  let triage: Category | null = null;
  return async (deviceId: string, button: number): Promise<{ category: Category; mapped: boolean }> => {
    const category = mapped.get(`${deviceId}\u0000${button}`);
    if (category) return { category, mapped: true };
    triage ??= (await tx.select().from(categories).where(eq(categories.key, TRIAGE_KEY)))[0] ?? null;
    if (!triage) throw new AppError('INTERNAL', 'the built-in triage category is missing');
    return { category: triage, mapped: false };
  };
}

const acceptedSince = statement('batch.rate-window', (db, p: Params<{ deviceIds: string[]; since: Date }>) =>
  db.select({ deviceId: presses.deviceId, receivedAt: presses.receivedAt }).from(presses)
    .where(and(anyOf(presses.deviceId, p.deviceIds, 'text'), gt(presses.receivedAt, p.since), ne(presses.outcome, 'rejected'))));

/** Accepted presses of the batch's devices in the minute before its earliest receive time. */
export async function loadRateWindow(tx: Tx, keys: BatchKeys): Promise<RateWindow> {
  const since = new Date(keys.minReceivedAt.getTime() - 60_000);
  return new RateWindow(await acceptedSince.run(tx, { deviceIds: keys.deviceIds, since }));
}

/**
 * Serialises batches that touch the same (site, category): a transaction-level advisory lock
 * per pair, taken in one order. A batch that would open a ticket for a pair another batch is
 * opening waits for that commit and then reads the new ticket and merges, instead of failing
 * on the unique index and redoing its whole batch (which, with several batches in flight,
 * kept colliding during a storm of new tickets).
 */
export async function lockPairs(tx: Tx, pairs: { siteId: string; categoryId: string }[]): Promise<void> {
  if (pairs.length === 0) return;
  await pairLocks.run(tx, pairValues(pairs));
}

// A statement, like the reads sent with it: statements reach the connection in the order they
// are run, and a query builder a few microtasks later. As a builder, the lock went out after
// the open tickets it guards (seen in the socket writes, bench/README.md round 9).
const pairLocks = statement('batch.pair-locks', (db, p: PairParams) =>
  db.select({ locked: sql`pg_advisory_xact_lock(a, b)` })
    .from(sql`(select hashtext(s::text) as a, hashtext(c::text) as b from ${pairRows(p)} as v(s, c) order by 1, 2) as k`));

type PairParams = Params<{ siteIds: string[]; categoryIds: string[] }>;
const openOfPairs = (p: PairParams) =>
  and(sql`(${tickets.siteId}, ${tickets.categoryId}) in (select * from ${pairRows(p)})`, inArray(tickets.status, [...OPEN_STATUSES]));
const lockedOpen = statement('batch.open-tickets', (db, p: PairParams) => db.select().from(tickets).where(openOfPairs(p)).orderBy(tickets.id).for('update'));
const recentPressTimes = statement('batch.recent-presses', (db, p: PairParams & Params<{ raisedBefore: Date; since: Date }>) =>
  db.select({ ticketId: presses.ticketId, pressedAt: presses.pressedAt }).from(presses).innerJoin(tickets, eq(tickets.id, presses.ticketId))
    .where(and(openOfPairs(p), ne(tickets.priority, 'P1'), or(isNull(tickets.repeatRaisedAt), lte(tickets.repeatRaisedAt, p.raisedBefore)),
      gt(presses.pressedAt, p.since), ne(presses.outcome, 'rejected'))));

/**
 * The open tickets of the pairs, locked for the rest of the transaction (in id order), with
 * the press times the repeat rule needs: only for tickets it could still raise (not at P1, not
 * raised for repeats within the window of every press in the batch). Both statements go out
 * together; the second reads the tickets the first has locked.
 */
export async function lockOpenTickets(tx: Tx, pairs: { siteId: string; categoryId: string }[], repeatSince: Date, latestNow: Date, repeatWindowMs: number) {
  const open = new Map<string, BatchTicket>();
  if (pairs.length === 0) return open;
  const ofPairs = pairValues(pairs);
  const raisedBefore = new Date(latestNow.getTime() - repeatWindowMs);
  const [rows, times] = await Promise.all([
    lockedOpen.run(tx, ofPairs),
    recentPressTimes.run(tx, { ...ofPairs, raisedBefore, since: repeatSince }),
  ]);
  for (const t of rows) {
    const key = pairKey(t.siteId, t.categoryId);
    if (!open.has(key)) open.set(key, batchTicket(t, []));
  }
  const byId = new Map([...open.values()].map((t) => [t.id, t]));
  for (const r of times) if (r.ticketId) byId.get(r.ticketId)?.recentPressTimes.push(r.pressedAt);
  return open;
}

/** The (site, category) pairs as rows of one statement text, whatever their number. */
const pairRows = (p: { siteIds: readonly string[] | Placeholder; categoryIds: readonly string[] | Placeholder }) => unnestOf([{ values: p.siteIds, type: 'uuid' }, { values: p.categoryIds, type: 'uuid' }]);
const pairValues = (pairs: { siteId: string; categoryId: string }[]) => ({ siteIds: pairs.map((p) => p.siteId), categoryIds: pairs.map((p) => p.categoryId) });

export function batchTicket(t: Ticket, recentPressTimes: Date[]): BatchTicket {
  return {
    id: t.id, status: t.status as OpenTicket['status'], priority: t.priority, repeatRaisedAt: t.repeatRaisedAt, recentPressTimes,
    ticketNumber: formatTicketNumber(t.number), pressCount: t.pressCount,
  };
}

type Candidate = { id: string; openedAt: Date; resolvedAt: Date; confirmUntil: Date | null };

const resolvedOfPairs = statement('batch.resolved', (db, p: PairParams & Params<{ minPressedAt: Date; maxPressedAt: Date; minNow: Date }>) =>
  db.select({ id: tickets.id, siteId: tickets.siteId, categoryId: tickets.categoryId, openedAt: tickets.openedAt, resolvedAt: tickets.resolvedAt, confirmUntil: tickets.confirmUntil })
    .from(tickets)
    .where(and(sql`(${tickets.siteId}, ${tickets.categoryId}) in (select * from ${pairRows(p)})`, inArray(tickets.status, ['resolved', 'closed']),
      or(and(lte(tickets.openedAt, p.maxPressedAt), gte(tickets.resolvedAt, p.minPressedAt)), gt(tickets.confirmUntil, p.minNow)))));
const feedingButtons = statement('batch.feeding', (db, p: Params<{ ticketIds: string[] }>) =>
  db.selectDistinct({ ticketId: presses.ticketId, deviceId: presses.deviceId, button: presses.button }).from(presses)
    .where(and(anyOf(presses.ticketId, p.ticketIds, 'uuid'), ne(presses.outcome, 'rejected'))));

/**
 * The resolved tickets a press of the pairs may belong to (press-context.ts loadLastResolved,
 * for a whole batch): the rows that can match any press of the batch, and which buttons fed
 * them. `pick` applies the exact per-press rule in memory.
 */
export async function loadResolved(tx: Tx, pairs: { siteId: string; categoryId: string }[], range: { minPressedAt: Date; maxPressedAt: Date; minNow: Date }) {
  const candidates = new Map<string, Candidate[]>();
  const fed = new Set<string>();
  const loaded = new Set(pairs.map((p) => pairKey(p.siteId, p.categoryId)));
  if (pairs.length > 0) {
    const rows = await resolvedOfPairs.run(tx, { ...pairValues(pairs), ...range });
    for (const r of rows) {
      if (!r.resolvedAt) continue;
      const key = pairKey(r.siteId, r.categoryId);
      candidates.set(key, [...(candidates.get(key) ?? []), { id: r.id, openedAt: r.openedAt, resolvedAt: r.resolvedAt, confirmUntil: r.confirmUntil }]);
    }
    const ids = rows.map((r) => r.id);
    if (ids.length > 0) {
      const feeding = await feedingButtons.run(tx, { ticketIds: ids });
      for (const f of feeding) fed.add(fedKey(f.ticketId!, f.deviceId, f.button));
    }
  }
  return {
    /** Whether the pair was loaded: a pair whose open ticket went away in the batch was not. */
    has: (pair: string) => loaded.has(pair),
    /** What loadLastResolved would answer for this press. */
    pick(pair: string, q: { deviceId: string; button: number; pressedAt: Date; now: Date }): ResolvedTicket | null {
      const matching = (candidates.get(pair) ?? [])
        .filter((c) => (c.openedAt <= q.pressedAt && c.resolvedAt >= q.pressedAt) || (c.confirmUntil !== null && c.confirmUntil > q.now))
        .sort((a, b) => b.resolvedAt.getTime() - a.resolvedAt.getTime());
      const t = matching[0];
      if (!t) return null;
      return { id: t.id, openedAt: t.openedAt, resolvedAt: t.resolvedAt, confirmUntil: t.confirmUntil, reportedByThisButton: fed.has(fedKey(t.id, q.deviceId, q.button)) };
    },
    /** A press of this batch fed the ticket (attached late). */
    feed(ticketId: string, deviceId: string, button: number) {
      fed.add(fedKey(ticketId, deviceId, button));
    },
  };
}

const fedKey = (ticketId: string, deviceId: string, button: number) => `${ticketId}\u0000${deviceId}\u0000${button}`;
