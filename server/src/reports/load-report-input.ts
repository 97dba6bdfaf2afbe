/**
 * Reads what a report needs, narrowed by its filters, in one read-only transaction: the
 * tickets opened in the range (with the calendar each one's SLA clock uses), their ratings and
 * reassignments, presses in quarter-hour buckets, offline spells of devices, open tickets per
 * assignee. The computing is done by domain/build-report.ts.
 */
import { and, eq, gt, gte, inArray, isNotNull, isNull, lt, ne, or, type SQL, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.ts';
import { calendars, categories, devices, OPEN_STATUSES, presses, sites, slaPolicies, ticketEvents, tickets, users } from '../db/schema.ts';
import { type BusinessCalendar, CALENDAR_24X7 } from '../domain/sla/index.ts';
import type { ReportFilters, ReportInput } from './domain/build-report.ts';
import { BUCKET_MS, type PressBucket } from './domain/presses.ts';
import { type ReportTicket, wasReassigned } from './domain/ticket-facts.ts';
import type { ReportRange } from './report-query.ts';

function ticketFilters(f: ReportFilters): SQL[] {
  return [
    f.siteId ? eq(tickets.siteId, f.siteId) : undefined,
    f.categoryId ? eq(tickets.categoryId, f.categoryId) : undefined,
    f.teamId ? eq(tickets.teamId, f.teamId) : undefined,
    f.priority ? eq(tickets.priority, f.priority) : undefined,
  ].filter((c): c is SQL => c !== undefined);
}

export async function loadReportInput(db: Db, range: ReportRange, filters: ReportFilters): Promise<ReportInput> {
  return db.transaction(async (tx) => {
    const inRange = and(gte(tickets.openedAt, range.from), lt(tickets.openedAt, range.to), ...ticketFilters(filters));
    const siteRows = await tx.select().from(sites);
    const categoryRows = await tx.select({ id: categories.id, code: categories.key, name: categories.name }).from(categories);
    const calendarOf = await calendarPicker(tx, siteRows);
    const rows = await tx.select().from(tickets).where(inRange);
    const assignments = await eventsOf(tx, 'assigned', inRange);
    const ratings = await eventsOf(tx, 'feedback', inRange);
    const reassigned = new Set<string>();
    for (const [ticketId, list] of groupBy(assignments, (e) => e.ticketId)) {
      if (wasReassigned(list.map((e) => ({ from: str(e.data?.from), to: str(e.data?.to) })))) reassigned.add(ticketId);
    }
    return {
      range, filters,
      tickets: rows.map((t): ReportTicket => ({
        ...t,
        pauses: t.pauses.map((p) => ({ from: new Date(p.from), to: p.to ? new Date(p.to) : null })),
        calendar: calendarOf(t.siteId, t.slaPolicyId),
        reassigned: reassigned.has(t.id),
      })),
      ratings: ratings.filter((e) => typeof e.data?.rating === 'number').map((e) => ({ ticketId: e.ticketId, rating: e.data!.rating as number, at: e.at })),
      pressBuckets: await pressBuckets(tx, range, filters),
      ...(await offlineSpells(tx, range, filters)),
      users: await tx.select({ id: users.id, name: users.name, role: users.role, capacity: users.capacity, available: users.available, disabled: users.disabled }).from(users),
      openByAssignee: await openByAssignee(tx, filters),
      sites: siteRows.map((s) => ({ id: s.id, code: s.code, name: s.name })),
      categories: categoryRows,
    };
  });
}

const str = (v: unknown) => (typeof v === 'string' ? v : null);

function groupBy<T>(list: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of list) map.set(key(item), [...(map.get(key(item)) ?? []), item]);
  return map;
}

/** As refresh-sla.ts picks it: the policy's calendar, else the site's, else 24×7 in the site's zone. */
async function calendarPicker(tx: Tx, siteRows: (typeof sites.$inferSelect)[]) {
  const cals = new Map((await tx.select().from(calendars)).map((c) => [c.id, c as BusinessCalendar]));
  const policyCal = new Map((await tx.select({ id: slaPolicies.id, calendarId: slaPolicies.calendarId }).from(slaPolicies)).map((p) => [p.id, p.calendarId]));
  const site = new Map(siteRows.map((s) => [s.id, s]));
  // One object per zone: the SLA engine memoises its parsed calendars per object.
  const allDay = new Map<string, BusinessCalendar>();
  return (siteId: string, policyId: string | null): BusinessCalendar => {
    const s = site.get(siteId);
    const id = (policyId ? policyCal.get(policyId) : null) ?? s?.calendarId ?? null;
    const found = id ? cals.get(id) : undefined;
    if (found) return found;
    const zone = s?.timezone ?? 'UTC';
    if (!allDay.has(zone)) allDay.set(zone, CALENDAR_24X7(zone));
    return allDay.get(zone)!;
  };
}

async function eventsOf(tx: Tx, type: string, inRange: SQL | undefined) {
  return tx.select({ ticketId: ticketEvents.ticketId, data: ticketEvents.data, at: ticketEvents.at })
    .from(ticketEvents).innerJoin(tickets, eq(tickets.id, ticketEvents.ticketId))
    .where(and(eq(ticketEvents.type, type), inRange));
}

async function pressBuckets(tx: Tx, range: ReportRange, f: ReportFilters): Promise<PressBucket[]> {
  // A literal, not a parameter: GROUP BY must repeat the very same expression.
  const bucket = sql<number>`floor(extract(epoch from ${presses.pressedAt}) / ${sql.raw(String(BUCKET_MS / 1000))})::int`;
  const rows = await tx.select({ bucket, siteId: devices.siteId, timezone: sites.timezone, categoryId: presses.categoryId, outcome: presses.outcome, count: sql<number>`count(*)::int` })
    .from(presses)
    .innerJoin(devices, eq(devices.id, presses.deviceId))
    .innerJoin(sites, eq(sites.id, devices.siteId))
    .leftJoin(categories, eq(categories.id, presses.categoryId))
    .leftJoin(tickets, eq(tickets.id, presses.ticketId))
    .where(and(
      gte(presses.pressedAt, range.from), lt(presses.pressedAt, range.to),
      f.siteId ? eq(devices.siteId, f.siteId) : undefined,
      f.categoryId ? eq(presses.categoryId, f.categoryId) : undefined,
      f.teamId ? eq(categories.teamId, f.teamId) : undefined,
      f.priority ? eq(tickets.priority, f.priority) : undefined,
    ))
    .groupBy(bucket, devices.siteId, sites.timezone, presses.categoryId, presses.outcome);
  return rows.map((r) => ({ bucketMs: Number(r.bucket) * BUCKET_MS, siteId: r.siteId, timezone: r.timezone, categoryId: r.categoryId, outcome: r.outcome, count: Number(r.count) }));
}

/** Physical devices (not virtual buttons) of the site filter, and their `offline` health tickets touching the range. */
async function offlineSpells(tx: Tx, range: ReportRange, f: ReportFilters) {
  const list = await tx.select({ id: devices.id, name: devices.name, siteId: devices.siteId, createdAt: devices.createdAt }).from(devices)
    .where(and(ne(devices.kind, 'virtual'), f.siteId ? eq(devices.siteId, f.siteId) : undefined));
  const ids = list.map((d) => d.id);
  const spells = ids.length === 0 ? [] : await tx.select({ deviceId: tickets.deviceId, from: tickets.openedAt, resolvedAt: tickets.resolvedAt, closedAt: tickets.closedAt })
    .from(tickets)
    .where(and(
      eq(tickets.source, 'device_health'), eq(tickets.healthCause, 'offline'), inArray(tickets.deviceId, ids), lt(tickets.openedAt, range.to),
      or(isNull(tickets.resolvedAt), gt(tickets.resolvedAt, range.from)),
    ));
  return {
    devices: list,
    offline: spells.map((s) => ({ deviceId: s.deviceId!, from: s.from, to: s.resolvedAt ?? s.closedAt })),
  };
}

async function openByAssignee(tx: Tx, f: ReportFilters): Promise<Map<string, number>> {
  const rows = await tx.select({ userId: tickets.assigneeId, n: sql<number>`count(*)::int` }).from(tickets)
    .where(and(inArray(tickets.status, [...OPEN_STATUSES]), isNotNull(tickets.assigneeId), ...ticketFilters(f)))
    .groupBy(tickets.assigneeId);
  return new Map(rows.map((r) => [r.userId!, Number(r.n)]));
}
