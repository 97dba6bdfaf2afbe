/**
 * Workloads 1 and 2: presses at QoS 1 with telemetry in the background. Nominal 200/s, then
 * steps 50 → 6,000/s until one fails the verdict (stepPasses); the same-run reference is
 * ref-insert.ts on a scratch database of the same kind.
 */
import { runHelper } from './child.ts';
import { createScratch, type DbKind } from './databases.ts';
import { DevicePool } from './device-pool.ts';
import { runPressLoad, stepPasses, type PressLoadResult } from './press-load.ts';
import { Api, provisionViaApi, provisionViaSql } from './provision.ts';
import type { RunContext } from './run-context.ts';
import type { Sut } from './sut-control.ts';

export const STEPS = [50, 200, 1000, 3000, 6000];
const STEP_P99_MS = 100;

export type RefResult = { mode: string; pressesPerS: number; done: number; wallMs: number; txMs: { p50: number; p99: number }; cpuMs: number };

/** Bound on the wait for a phase's stragglers (a failing step backs up; quick runs wait less). */
export const drainMs = (ctx: RunContext) => ctx.secs(15, 6);

/**
 * The buttons (1,000 in a full run, fewer in --quick), each its own (site, category), connected
 * and listening for acks; one press each opens their tickets. A full run makes them through the
 * API as an admin would; --quick writes them with SQL (setup, not what is measured).
 */
export async function pressFleet(ctx: RunContext, sut: Sut, kind: DbKind) {
  const size = ctx.sizes.pressFleet[kind];
  const api = await Api.login(sut.httpUrl);
  const t0 = performance.now();
  const fleet = ctx.quick
    ? await provisionViaSql(sut, { devices: size, perSite: 4, categories: 4 })
    : await provisionViaApi(api, { devices: size, categories: 4 });
  const provisionMs = performance.now() - t0;
  const pool = new DevicePool(fleet, '127.0.0.1', sut.mqttPort);
  const connected = await pool.connectAll({ concurrency: 100, subscribeAcks: true });
  ctx.progress(`  fleet: ${size} devices provisioned in ${(provisionMs / 1000).toFixed(1)} s, connected in ${(connected.ms / 1000).toFixed(1)} s (${connected.failures} failures)`);
  const warm = await runPressLoad(pool, sut, { tag: 'warm', ratePerS: 500, durationMs: (size / 500) * 1000, telemetryPerS: 0, drainMs: 20_000, seed: 7, devices: 'round-robin' });
  ctx.progress(`  warm-up: ${warm.pubacked}/${warm.sent} presses, outcomes ${JSON.stringify(warm.outcomes)}`);
  return { api, pool, provisionMs, warm };
}

export async function nominal(ctx: RunContext, pool: DevicePool, sut: Sut): Promise<PressLoadResult> {
  const r = await runPressLoad(pool, sut, { tag: 'nominal', ratePerS: 200, durationMs: ctx.secs(20, 5), telemetryPerS: ctx.telemetryPerS, drainMs: drainMs(ctx), seed: 11 });
  ctx.progress(`  nominal 200/s: p99 commit ${r.commitMs.p99} ms, ack ${r.ackMs.p99} ms, lost ${r.lostAtDeadline}`);
  return r;
}

export async function steps(ctx: RunContext, pool: DevicePool, sut: Sut) {
  const results: (PressLoadResult & { pass: boolean; why: string[] })[] = [];
  for (const [i, rate] of STEPS.entries()) {
    const r = await runPressLoad(pool, sut, { tag: `step${rate}`, ratePerS: rate, durationMs: ctx.secs(8, 3), telemetryPerS: ctx.telemetryPerS, drainMs: drainMs(ctx), seed: 100 + i });
    const verdict = stepPasses(r, STEP_P99_MS);
    results.push({ ...r, pass: verdict.ok, why: verdict.why });
    ctx.progress(`  step ${rate}/s: ${verdict.ok ? 'pass' : 'FAIL'} committed ${r.committedPerS}/s p99 ${r.commitMs.p99} ms, sut ${r.sutCores} cores ${verdict.why.join('; ')}`);
    if (!verdict.ok) break; // higher steps only pile up a longer queue
  }
  const passed = results.filter((r) => r.pass).map((r) => r.targetRate);
  return { results, highestPassing: passed.length ? Math.max(...passed) : 0, maxCommittedPerS: Math.max(0, ...results.map((r) => r.committedPerS)) };
}

/**
 * The plain-insert references, each on a fresh scratch database of the same kind. --quick on
 * PGlite runs only `press-row`, the reference (a fresh PGlite and its migrations take
 * 5–20 s on this machine).
 */
export async function references(ctx: RunContext, kind: DbKind): Promise<Record<string, RefResult>> {
  const out: Record<string, RefResult> = {};
  for (const mode of ctx.quick && kind === 'pglite' ? ['press-row'] : ['press-row', 'merge-rows']) {
    const scratch = await createScratch(kind, ctx.baseUrl);
    try {
      out[mode] = await runHelper<RefResult>('ref-insert.ts', [scratch.url ?? scratch.dataDir!, String(ctx.secs(5, 2)), mode]);
      ctx.progress(`  reference ${mode}: ${out[mode]!.pressesPerS}/s`);
    } finally {
      await scratch.drop();
    }
  }
  return out;
}
