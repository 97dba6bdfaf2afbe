/**
 * One open-loop press phase: presses at `ratePerS` (Poisson) from random devices of the pool,
 * telemetry at a fixed rate in the background, then a bounded wait for the stragglers, then
 * a check in the database that every acknowledged press is there exactly once and that no
 * (site, category) has two open tickets.
 */
import type { DevicePool } from './device-pool.ts';
import { PressPhase } from './device-pool.ts';
import { watchGenerator, type GeneratorHealth } from './generator-health.ts';
import { round, type LatencySummary } from './histogram.ts';
import { rng, runOpenLoop, wallOf } from './open-loop.ts';
import { coreShare, cpuMsOfComm } from './proc-stats.ts';
import type { Sut } from './sut-control.ts';

export type PressLoadOptions = {
  tag: string; ratePerS: number; durationMs: number; telemetryPerS: number; drainMs: number; seed: number;
  /** Send pressedAt = intended wall time (for boards to time the press), rounded down to the ms. */
  stampPressedAt?: boolean;
  /** `round-robin` presses every device in turn (warm-up: one ticket per device); default random. */
  devices?: 'random' | 'round-robin';
};

export type PressLoadResult = {
  tag: string; targetRate: number; sent: number; pubacked: number; acked: number; committedPerS: number;
  lostAtDeadline: number; inDb: number; duplicatePressRows: number; duplicateOpenTickets: number;
  outcomes: Record<string, number>; commitMs: LatencySummary; ackMs: LatencySummary; sendLagMs: LatencySummary;
  sutCores: number; sutCpuUsPerPress: number; postgresCores: number; sutRssMb: number; generator: GeneratorHealth;
};

export async function runPressLoad(pool: DevicePool, sut: Sut, o: PressLoadOptions): Promise<PressLoadResult> {
  // Buttons whose connection dropped in an earlier phase (a commit timeout) come back first, as real ones would.
  await pool.connectAll({ concurrency: 100, subscribeAcks: true });
  const phase = new PressPhase(o.tag);
  const pick = rng(o.seed ^ 0x5eed);
  const n = pool.fleet.length;
  const gen = watchGenerator();
  const sut0 = sut.sample();
  const pg0 = cpuMsOfComm('postgres');
  let uptime = 0;
  const telemetry = o.telemetryPerS > 0
    ? runOpenLoop({ ratePerS: o.telemetryPerS, durationMs: o.durationMs, arrivals: 'fixed', seed: o.seed + 1, fire: (_t, k) => pool.telemetry(k % n, ++uptime) })
    : Promise.resolve(null);
  const presses = runOpenLoop({
    ratePerS: o.ratePerS, durationMs: o.durationMs, arrivals: 'poisson', seed: o.seed,
    fire: (intended, k) => void pool.press(o.devices === 'round-robin' ? k % n : Math.floor(pick() * n), phase, intended, o.stampPressedAt ? { pressedAt: Math.floor(wallOf(intended)) } : {}),
  });
  const [loop] = await Promise.all([presses, telemetry]);
  await pool.drain(phase, o.drainMs);
  const sut1 = sut.sample();
  const pg1 = cpuMsOfComm('postgres');
  const generator = gen.stop(loop.lag);
  const wall = sut1.at - sut0.at;
  const [check] = await sut.sql<{ n: number; d: number }>(
    `select count(*)::int n, count(distinct (device_id, press_id))::int d from presses where press_id like '${o.tag}.%'`);
  const [dupTickets] = await sut.sql<{ n: number }>(`select count(*)::int n from (select 1 from tickets
    where status in ('new','acknowledged','in_progress','pending') and source <> 'device_health' group by site_id, category_id having count(*) > 1) x`);
  const activeMs = Math.max(o.durationMs, phase.lastPubackAt - loop.startedAt);
  return {
    tag: o.tag, targetRate: o.ratePerS, sent: phase.sent, pubacked: phase.pubacked, acked: phase.acked,
    committedPerS: round((phase.pubacked / activeMs) * 1000, 0),
    lostAtDeadline: phase.sent - phase.pubacked,
    inDb: check?.n ?? 0, duplicatePressRows: (check?.n ?? 0) - (check?.d ?? 0), duplicateOpenTickets: dupTickets?.n ?? 0,
    outcomes: phase.outcomes, commitMs: phase.commit.summary(), ackMs: phase.ack.summary(), sendLagMs: loop.lag.summary(),
    sutCores: round(coreShare(sut1.cpuMs - sut0.cpuMs, wall)),
    sutCpuUsPerPress: phase.pubacked ? round(((sut1.cpuMs - sut0.cpuMs) * 1000) / phase.pubacked, 0) : 0,
    postgresCores: round(coreShare(pg1 - pg0, wall)), sutRssMb: round(sut1.rssKb / 1024, 0), generator,
  };
}

/** The step verdict of the issue: nothing lost, no duplicate, every press committed and p99 within the target. */
export function stepPasses(r: PressLoadResult, p99TargetMs: number): { ok: boolean; why: string[] } {
  const why: string[] = [];
  if (r.lostAtDeadline > 0) why.push(`${r.lostAtDeadline} presses without PUBACK at the deadline`);
  if (r.acked < r.sent) why.push(`${r.sent - r.acked} presses without ack`);
  if (r.inDb < r.pubacked) why.push(`${r.pubacked - r.inDb} acknowledged presses missing in the database`);
  if (r.duplicatePressRows > 0) why.push(`${r.duplicatePressRows} duplicate press rows`);
  if (r.duplicateOpenTickets > 0) why.push(`${r.duplicateOpenTickets} (site, category) with two open tickets`);
  if (r.commitMs.p99 > p99TargetMs) why.push(`p99 press→commit ${r.commitMs.p99} ms > ${p99TargetMs} ms`);
  return { ok: why.length === 0, why };
}
