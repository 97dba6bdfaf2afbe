/**
 * Workload 4: live boards. N SSE boards on /api/events while buttons press at 200/s; every
 * board must get every press event, timed press→board. Same-run reference: ref-sse.ts, a
 * plain node:http broadcaster fed at the same rate with events of the same size, read by
 * the same board clients.
 */
import { spawn } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import type { DbKind } from './databases.ts';
import type { DevicePool } from './device-pool.ts';
import { watchGenerator, type GeneratorHealth } from './generator-health.ts';
import { round, type LatencySummary } from './histogram.ts';
import { runOpenLoop, sleep, wallOf } from './open-loop.ts';
import { runPressLoad } from './press-load.ts';
import { coreShare, sampleProc } from './proc-stats.ts';
import type { Api } from './provision.ts';
import type { RunContext } from './run-context.ts';
import { BoardSet } from './sse-board.ts';
import { drainMs } from './w-presses.ts';
import type { Sut } from './sut-control.ts';

const RATE = 200;

export type BoardResult = {
  boards: number; openFailures: number; pressesOrEvents: number; expectedPerBoard: number; minDelivered: number;
  boardMs: LatencySummary; avgEventBytes: number; serverCores: number; serverCpuUsPerDelivery: number; generator: GeneratorHealth;
};

/**
 * `dash` and `reference` at 200 presses/s measure press→board latency; all of Dash's CPU then
 * includes committing the presses. `fanout` feeds the same boards synthetic events at the same
 * rate and size inside Dash (no presses), as the reference is fed by POSTs: the stream's own
 * CPU per delivered event, comparable with the reference's.
 */
export type SseResult = { boards: number; dash: BoardResult; fanout: BoardResult; reference: BoardResult };

export async function sseWorkload(ctx: RunContext, kind: DbKind, pool: DevicePool, sut: Sut, api: Api) {
  const out: SseResult[] = [];
  const counts = ctx.quick || kind === 'pglite' ? [50] : [50, 500];
  for (const n of counts) {
    const dash = await dashBoards(ctx, n, pool, sut, api);
    const fanout = await fanoutBoards(ctx, n, sut, api, dash.avgEventBytes || 1000);
    const reference = await referenceBoards(ctx, n, dash.avgEventBytes || 1000);
    out.push({ boards: n, dash, fanout, reference });
    ctx.progress(`  sse ${n} boards: dash p99 ${dash.boardMs.p99} ms delivered ${round(dash.minDelivered * 100)} %; reference p99 ${reference.boardMs.p99} ms`);
  }
  return out;
}

async function dashBoards(ctx: RunContext, n: number, pool: DevicePool, sut: Sut, api: Api): Promise<BoardResult> {
  const boards = new BoardSet(n);
  await boards.open(`${sut.httpUrl}/api/events`, { cookie: api.sessionCookie });
  await sleep(300);
  boards.counting = true;
  const s0 = sut.sample();
  const r = await runPressLoad(pool, sut, { tag: `sse${n}`, ratePerS: RATE, durationMs: ctx.secs(10, 3), telemetryPerS: 0, drainMs: drainMs(ctx), seed: 21, stampPressedAt: true });
  // Every committed press (created or merged) is one event on every board; acks may still be in flight.
  const expected = r.pubacked;
  for (let waited = 0; waited < 5000 && boards.minDelivered(expected) < 1; waited += 50) await sleep(50);
  const s1 = sut.sample();
  boards.counting = false;
  boards.close();
  return summarise(boards, n, r.sent, expected, s1.cpuMs - s0.cpuMs, s1.at - s0.at, r.generator);
}

async function fanoutBoards(ctx: RunContext, n: number, sut: Sut, api: Api, eventBytes: number): Promise<BoardResult> {
  const boards = new BoardSet(n);
  await boards.open(`${sut.httpUrl}/api/events`, { cookie: api.sessionCookie });
  await sleep(300);
  boards.counting = true;
  const gen = watchGenerator();
  const s0 = sut.sample();
  const { sent } = await sut.publish({ ratePerS: RATE, durationMs: ctx.secs(10, 3), bytes: eventBytes });
  for (let waited = 0; waited < 5000 && boards.minDelivered(sent) < 1; waited += 50) await sleep(50);
  const s1 = sut.sample();
  boards.counting = false;
  boards.close();
  return summarise(boards, n, sent, sent, s1.cpuMs - s0.cpuMs, s1.at - s0.at, gen.stop()); // Dash sends: no generator send lag
}

async function referenceBoards(ctx: RunContext, n: number, eventBytes: number): Promise<BoardResult> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'ref-sse.ts')], { stdio: ['pipe', 'pipe', 'inherit'] });
  try {
    const port = await new Promise<number>((resolve, reject) => {
      let out = '';
      child.stdout!.setEncoding('utf8').on('data', (d: string) => {
        out += d;
        const m = /BENCH_READY (\{.*\})/.exec(out);
        if (m) resolve((JSON.parse(m[1]!) as { port: number }).port);
      });
      child.on('exit', (c) => reject(new Error(`ref-sse exited ${c}`)));
    });
    const boards = new BoardSet(n);
    await boards.open(`http://127.0.0.1:${port}/events`);
    await sleep(300);
    boards.counting = true;
    const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });
    const filler = 'x'.repeat(Math.max(0, eventBytes - 120));
    const gen = watchGenerator();
    const p0 = sampleProc(child.pid!);
    let sent = 0;
    const loop = await runOpenLoop({
      ratePerS: RATE, durationMs: ctx.secs(10, 3), arrivals: 'poisson', seed: 21,
      fire: (intended) => {
        sent++;
        const body = JSON.stringify({ ticket: { lastPressAt: new Date(Math.floor(wallOf(intended))).toISOString(), filler } });
        http.request({ host: '127.0.0.1', port, path: '/publish', method: 'POST', agent, headers: { 'content-type': 'application/json' } }, (res) => res.resume())
          .on('error', () => {}).end(body);
      },
    });
    for (let waited = 0; waited < 5000 && boards.minDelivered(sent) < 1; waited += 50) await sleep(50);
    const p1 = sampleProc(child.pid!);
    boards.counting = false;
    boards.close();
    agent.destroy();
    return summarise(boards, n, sent, sent, p1.cpuMs - p0.cpuMs, p1.at - p0.at, gen.stop(loop.lag));
  } finally {
    child.stdin!.end();
    child.kill();
  }
}

function summarise(b: BoardSet, n: number, sent: number, expected: number, cpuMs: number, wallMs: number, generator: GeneratorHealth): BoardResult {
  return {
    boards: n, openFailures: b.failures, pressesOrEvents: sent, expectedPerBoard: expected, minDelivered: round(b.minDelivered(expected), 4),
    boardMs: b.latency.summary(), avgEventBytes: b.events ? Math.round(b.bytes / b.events) : 0,
    serverCores: round(coreShare(cpuMs, wallMs)), serverCpuUsPerDelivery: b.events ? round((cpuMs * 1000) / b.events, 1) : 0, generator,
  };
}
