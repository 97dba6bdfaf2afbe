/**
 * The device-health sweep, a recurring job: opens a device-health ticket for each cause that
 * holds (one open per device and cause, by a unique index) and resolves it by itself when the
 * cause is gone. One sweep a interval across all servers: the job key is the time bucket.
 */
import { and, eq, inArray, ne } from 'drizzle-orm';
import type { Tx } from '../db/client.ts';
import type { Device } from '../db/schema.ts';
import { categories, devices, OPEN_STATUSES, sites, ticketEvents, tickets } from '../db/schema.ts';
import { type HealthCause, type HealthRules, HEALTH_TITLES, healthCauses } from '../domain/device-health.ts';
import type { JobHandler } from '../jobs/scheduler.ts';
import { scheduleJobs } from '../jobs/jobs.ts';
import { notify } from '../notify/notify.ts';
import { DEVICE_HEALTH_KEY } from '../setup/seed.ts';
import { refreshSla } from '../sla/refresh-sla.ts';
import { applyStatusVerb } from '../tickets/change-status.ts';
import type { TicketDeps } from '../tickets/deps.ts';
import { type Effects, flushEffects, newEffects } from '../tickets/effects.ts';
import { batteryReference, latestBattery } from './device-view.ts';
import { nextBatteryReference } from './domain/battery-estimate.ts';
import { snapshotOf } from './snapshot.ts';

export const SWEEP_KIND = 'device.health.sweep';
const ACTOR = { id: 'system:device-health' };

/** Schedules the next sweep; the key makes every server agree on one job per bucket. */
export async function scheduleSweep(tx: Parameters<typeof scheduleJobs>[0], deps: TicketDeps, intervalMs: number, now: Date) {
  const bucket = Math.floor(now.getTime() / intervalMs) + 1;
  await scheduleJobs(tx, [{ kind: SWEEP_KIND, key: `${SWEEP_KIND}:${intervalMs}:${bucket}`, dueAt: new Date(bucket * intervalMs) }], deps.onPostgres);
}

export function healthSweepHandler(deps: TicketDeps, rules: HealthRules, intervalMs: number): JobHandler {
  return async (tx, _job, now) => {
    const effects = newEffects();
    const all = await tx.select().from(devices).where(ne(devices.kind, 'virtual'));
    const open = await tx.select({ id: tickets.id, deviceId: tickets.deviceId, cause: tickets.healthCause }).from(tickets)
      .where(and(eq(tickets.source, 'device_health'), inArray(tickets.status, [...OPEN_STATUSES])));
    const openKey = new Map(open.map((o) => [`${o.deviceId}|${o.cause}`, o.id]));
    for (const d of all) {
      await keepBatteryReference(tx, d);
      const causes = healthCauses(d, now, rules);
      for (const cause of causes) if (!openKey.has(`${d.id}|${cause}`)) await openHealthTicket(tx, deps, d, cause, now, effects);
      for (const o of open.filter((x) => x.deviceId === d.id && !causes.includes(x.cause as HealthCause))) {
        await applyStatusVerb(tx, deps, effects, o.id, 'resolve', ACTOR, now, 'the device is healthy again');
      }
    }
    await scheduleSweep(tx, deps, intervalMs, now);
    return () => flushEffects(deps, effects);
  };
}

/** The reference reading of the days-left estimate: set at the first reading and after each charge or swap. */
async function keepBatteryReference(tx: Tx, d: Device) {
  const ref = batteryReference(d);
  const next = nextBatteryReference(ref, latestBattery(d));
  if (!next || next === ref) return;
  await tx.update(devices).set({ batteryRefPct: next.pct, batteryRefAt: next.at }).where(eq(devices.id, d.id));
}

async function openHealthTicket(tx: Tx, deps: TicketDeps, d: Device, cause: HealthCause, now: Date, effects: Effects) {
  const [category] = await tx.select().from(categories).where(eq(categories.key, DEVICE_HEALTH_KEY));
  const [site] = await tx.select({ name: sites.name }).from(sites).where(eq(sites.id, d.siteId));
  if (!category) return;
  const [t] = await tx.insert(tickets).values({
    status: 'new', priority: category.defaultPriority, source: 'device_health', siteId: d.siteId, categoryId: category.id,
    deviceId: d.id, healthCause: cause, title: `Device ${d.name} at ${site?.name ?? 'its site'}: ${HEALTH_TITLES[cause]}`,
    openedAt: now, teamId: category.teamId, snapshot: snapshotOf(d),
  }).returning();
  await tx.insert(ticketEvents).values({ ticketId: t!.id, type: 'created', actor: ACTOR.id, toStatus: 'new', at: now, data: { cause } });
  await refreshSla(tx, deps, t!, now, effects);
  await notify(tx, { type: 'device.health', ticketId: t!.id, deviceId: d.id, data: { cause } }, now);
  effects.events.push({ type: 'ticket.created', ticketId: t!.id });
}
