/**
 * `npm run bench [-- --quick] [--only=presses,sse,connections,sla] [--db=postgres,pglite] [--profile] [--telemetry=1000] [--set=NAME=VALUE]`
 * Runs the workloads against Dash in a separate process on PostgreSQL (BENCH_DATABASE_URL, default
 * the local server) and on PGlite, each next to its same-run reference, then writes
 * bench/results/<timestamp>.json and .md and prints the Markdown summary.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { cleanupAll, createScratch, type DbKind } from './databases.ts';
import { machineInfo } from './machine.ts';
import { renderMarkdown } from './report.ts';
import { makeContext, wants, type RunContext } from './run-context.ts';
import { startSut } from './sut-control.ts';
import { nominal, pressFleet, references, steps } from './w-presses.ts';
import { sseWorkload } from './w-sse.ts';
import { connectionsAndStorm } from './w-connections.ts';
import { slaWorkload } from './w-sla.ts';

const RESULTS = path.join(import.meta.dirname, '..', 'results');

function parseArgs(argv: string[]) {
  const get = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  const quick = argv.includes('--quick');
  return {
    quick,
    databases: (get('db') ?? 'postgres,pglite').split(',') as DbKind[],
    only: get('only') ? new Set(get('only')!.split(',')) : null,
    baseUrl: process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
    profileDir: argv.includes('--profile') ? path.join(RESULTS, 'profiles') : null,
    telemetryPerS: Number(get('telemetry') ?? 1000),
    sutEnv: Object.fromEntries(argv.filter((a) => a.startsWith('--set=')).map((a) => {
      const [k, ...v] = a.slice(6).split('=');
      return [k!, v.join('=')];
    })),
  };
}

export type DbResults = Record<string, unknown>;

async function pressAndSse(ctx: RunContext, kind: DbKind, out: DbResults): Promise<void> {
  const scratch = await createScratch(kind, ctx.baseUrl);
  const sut = await startSut({ env: { ...scratch.env, ...ctx.sutEnv }, profileDir: ctx.profileDir, label: `presses-${kind}` });
  try {
    ctx.progress(`${kind}: presses (SUT pid ${sut.pid})`);
    const { pool, api, provisionMs, warm } = await pressFleet(ctx, sut, kind);
    out.fleet = { devices: pool.fleet.length, provisionMs: Math.round(provisionMs), connectFailures: pool.connectFailures, warmup: warm };
    out.nominal = await nominal(ctx, pool, sut);
    if (wants(ctx, 'sse')) out.sse = await sseWorkload(ctx, kind, pool, sut, api);
    if (wants(ctx, 'presses')) out.steps = await steps(ctx, pool, sut);
    out.sutLogs = sut.logs();
    pool.closeAll();
  } finally {
    await sut.stop();
    await scratch.drop();
  }
  if (wants(ctx, 'presses')) out.reference = await references(ctx, kind);
}

async function main(): Promise<void> {
  const settings = parseArgs(process.argv.slice(2));
  const ctx = makeContext(settings);
  const startedAt = new Date();
  const results: Record<string, unknown> = { startedAt: startedAt.toISOString(), quick: ctx.quick, sizes: ctx.sizes, telemetryPerS: ctx.telemetryPerS, sutEnv: ctx.sutEnv, machine: await machineInfo(ctx.baseUrl), byDb: {} };
  const byDb = results.byDb as Record<string, DbResults>;
  const t0 = performance.now();
  try {
    for (const kind of ctx.databases) {
      const out: DbResults = (byDb[kind] = {});
      const guard = async (name: string, work: () => Promise<void>, alsoFor: string[] = []) => {
        if (![name, ...alsoFor].some((n) => wants(ctx, n))) return;
        try {
          await work();
        } catch (err) {
          out[`${name}Error`] = (err as Error).stack ?? String(err);
          ctx.progress(`${kind}: ${name} failed: ${(err as Error).message}`);
        }
      };
      // --quick keeps PGlite to the press phases (on a smaller fleet): its connection and SLA setups are most of a minute.
      const trimmed = ctx.quick && kind === 'pglite';
      // The SSE boards watch the presses' fleet: `--only=sse` runs the fleet and the nominal phase, not the steps.
      await guard('presses', () => pressAndSse(trimmed ? { ...ctx, only: new Set(['presses']) } : ctx, kind, out), ['sse']);
      if (trimmed) continue;
      await guard('connections', async () => {
        const r = await connectionsAndStorm(ctx, kind);
        Object.assign(out, r);
      });
      await guard('sla', async () => {
        out.sla = await slaWorkload(ctx, kind);
      });
    }
  } finally {
    await cleanupAll();
  }
  results.wallS = Math.round((performance.now() - t0) / 1000);
  mkdirSync(RESULTS, { recursive: true });
  const stamp = startedAt.toISOString().replace(/[:.]/g, '-');
  const md = renderMarkdown(results);
  writeFileSync(path.join(RESULTS, `${stamp}.json`), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(path.join(RESULTS, `${stamp}.md`), md);
  process.stdout.write(`\n${md}\nresults: bench/results/${stamp}.json and .md\n`);
}

process.on('SIGINT', () => void cleanupAll().finally(() => process.exit(130)));
await main();
process.exit(0);
