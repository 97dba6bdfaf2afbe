/**
 * Workloads 1 and 2: presses at QoS 1 with telemetry in the background. Nominal 200/s, then
 * steps 50 → 6,000/s until one fails the verdict (stepPasses); the same-run reference is
 * ref-insert.ts on a scratch database of the same kind.
 */
import { runHelper } from './child.ts';
import { createScratch, type DbKind } from './databases.ts';
import { DevicePool } from './device-pool.ts';
import { runPressLoad, stepPasses, type PressLoadResult } from './press-load.ts';
import { Api, provisionViaApi } from './provision.ts';
import type { RunContext } from './run-context.ts';
import type { Sut } from './sut-control.ts';

export const FLEET_SIZE = 1000;
export const STEPS = [50, 200, 1000, 3000, 6000];
const STEP_P99_MS = 100;

export type RefResult = { mode: string; pressesPerS: number; done: number; wallMs: number; txMs: { p50: number; p99: number }; cpuMs: number };

/** 1,000 buttons through the API, each its own (site, category), connected and listening for acks; one press each opens their tickets. */
export async function pressFleet(ctx: RunContext, sut: Sut) {
  const api = await Api.login(sut.httpUrl);
  const t0 = performance.now();
  const fleet = await provisionViaApi(api, { devices: FLEET_SIZE, categories: 4 });
  const provisionMs = performance.now() - t0;
  const pool = new DevicePool(fleet, '127.0.0.1', sut.mqttPort);
  const connected = await pool.connectAll({ concurrency: 100, subscribeAcks: true });
  ctx.progress(`  fleet: ${FLEET_SIZE} devices provisioned in ${(provisionMs / 1000).toFixed(1)} s, connected in ${(connected.ms / 1000).toFixed(1)} s (${connected.failures} failures)`);
  const warm = await runPressLoad(pool, sut, { tag: 'warm', ratePerS: 500, durationMs: (FLEET_SIZE / 500) * 1000, telemetryPerS: 0, drainMs: 20_000, seed: 7, devices: 'round-robin' });
  ctx.progress(`  warm-up: ${warm.pubacked}/${warm.sent} presses, outcomes ${JSON.stringify(warm.outcomes)}`);
  return { api, pool, provisionMs, warm };
}

export async function nominal(ctx: RunContext, pool: DevicePool, sut: Sut): Promise<PressLoadResult> {
  const r = await runPressLoad(pool, sut, { tag: 'nominal', ratePerS: 200, durationMs: ctx.secs(20, 5), telemetryPerS: ctx.telemetryPerS, drainMs: 15_000, seed: 11 });
  ctx.progress(`  nominal 200/s: p99 commit ${r.commitMs.p99} ms, ack ${r.ackMs.p99} ms, lost ${r.lostAtDeadline}`);
  return r;
}

export async function steps(ctx: RunContext, pool: DevicePool, sut: Sut) {
  const results: (PressLoadResult & { pass: boolean; why: string[] })[] = [];
  for (const [i, rate] of STEPS.entries()) {
    const r = await runPressLoad(pool, sut, { tag: `step${rate}`, ratePerS: rate, durationMs: ctx.secs(8, 3), telemetryPerS: ctx.telemetryPerS, drainMs: 15_000, seed: 100 + i });
    const verdict = stepPasses(r, STEP_P99_MS);
    results.push({ ...r, pass: verdict.ok, why: verdict.why });
    ctx.progress(`  step ${rate}/s: ${verdict.ok ? 'pass' : 'FAIL'} committed ${r.committedPerS}/s p99 ${r.commitMs.p99} ms, sut ${r.sutCores} cores ${verdict.why.join('; ')}`);
    if (!verdict.ok) break; // higher steps only pile up a longer queue
  }
  const passed = results.filter((r) => r.pass).map((r) => r.targetRate);
  return { results, highestPassing: passed.length ? Math.max(...passed) : 0, maxCommittedPerS: Math.max(0, ...results.map((r) => r.committedPerS)) };
}

/** The plain-insert references, each on a fresh scratch database of the same kind. */
export async function references(ctx: RunContext, kind: DbKind): Promise<Record<string, RefResult>> {
  const out: Record<string, RefResult> = {};
  for (const mode of ['press-row', 'merge-rows']) {
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
