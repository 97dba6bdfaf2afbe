/**
 * Workloads 3 and 5 on one fleet of 10,000 buttons (3,000 in --quick; provisioned with SQL). Connections: how
 * fast Dash accepts the CONNECTs (each pays a scrypt check and a registry read) and how much
 * memory each connection costs, against Mosquitto with the same clients. Storm: every button
 * presses once within one second and a fifth of them resend the same pressId before their
 * PUBACK; all must be durable, none lost, none recorded twice.
 */
import mqtt from 'mqtt';
import { createScratch, type DbKind } from './databases.ts';
import { DevicePool, PressPhase } from './device-pool.ts';
import { watchGenerator } from './generator-health.ts';
import { round } from './histogram.ts';
import { startMosquitto } from './mosquitto.ts';
import { rng, runOpenLoop, sleep } from './open-loop.ts';
import { coreShare, cpuMsOfComm, sampleProc } from './proc-stats.ts';
import { provisionViaSql, type FleetDevice } from './provision.ts';
import { RawMqttClient } from './raw-mqtt.ts';
import type { RunContext } from './run-context.ts';
import { startSut, type Sut } from './sut-control.ts';

const CONCURRENCY = 500;

type ConnectResult = {
  clients: number; failures: number; seconds: number; perS: number; connectMs: ReturnType<DevicePool['connectLatency']['summary']>;
  brokerCores: number; brokerCpuUsPerConnect: number; rssBeforeMb: number; rssAfterMb: number; rssPerConnectionKb: number;
  /** Dash only: V8 heap + external memory after a full GC, per connection (RSS also moves with PGlite's WebAssembly memory). */
  jsHeapPerConnectionKb?: number;
};

type Gc = () => Promise<NodeJS.MemoryUsage>;
const jsBytes = (m: NodeJS.MemoryUsage) => m.heapUsed + m.external;

async function connectFleet(fleet: FleetDevice[], port: number, pid: number, gc?: Gc) {
  const pool = new DevicePool(fleet, '127.0.0.1', port);
  const heapBefore = gc ? jsBytes(await gc()) : 0;
  const beforeRssKb = sampleProc(pid).rssKb;
  const p0 = sampleProc(pid);
  const { ms, failures } = await pool.connectAll({ concurrency: CONCURRENCY, subscribeAcks: false });
  const p1 = sampleProc(pid);
  await sleep(1000);
  const heapAfter = gc ? jsBytes(await gc()) : 0;
  const rssAfter = sampleProc(pid).rssKb;
  const clients = fleet.length - failures;
  const result: ConnectResult = {
    clients, failures, seconds: round(ms / 1000), perS: round((clients / ms) * 1000, 0), connectMs: pool.connectLatency.summary(),
    brokerCores: round(coreShare(p1.cpuMs - p0.cpuMs, p1.at - p0.at)), brokerCpuUsPerConnect: round(((p1.cpuMs - p0.cpuMs) * 1000) / Math.max(1, clients), 0),
    rssBeforeMb: round(beforeRssKb / 1024, 1), rssAfterMb: round(rssAfter / 1024, 1), rssPerConnectionKb: round((rssAfter - beforeRssKb) / Math.max(1, clients), 1),
    ...(gc && { jsHeapPerConnectionKb: round((heapAfter - heapBefore) / 1024 / Math.max(1, clients), 1) }),
  };
  return { pool, result };
}

export async function connectionsAndStorm(ctx: RunContext, kind: DbKind) {
  const scratch = await createScratch(kind, ctx.baseUrl);
  const sut = await startSut({ env: { ...scratch.env, ...ctx.sutEnv }, profileDir: ctx.profileDir, label: `fleet-${kind}` });
  let dash: ConnectResult, storm: Awaited<ReturnType<typeof runStorm>> & { sutLogs: ReturnType<Sut['logs']> };
  const fleet = await provisionViaSql(sut, { devices: ctx.sizes.connections, perSite: 20, categories: 4 });
  try {
    ctx.progress(`${kind}: ${fleet.length} connections (SUT pid ${sut.pid})`);
    const connected = await connectFleet(fleet, sut.mqttPort, sut.pid, () => sut.gc());
    dash = connected.result;
    ctx.progress(`  dash: ${dash.perS}/s, ${dash.failures} failures, ${dash.rssPerConnectionKb} kB RSS per connection`);
    storm = { ...(await runStorm(ctx, connected.pool, sut)), sutLogs: sut.logs() };
    connected.pool.closeAll();
  } finally {
    await sut.stop();
    await scratch.drop();
  }
  if (kind !== 'postgres') return { connections: { dash }, storm };
  const mosq = await startMosquitto();
  let mosquitto: ConnectResult;
  try {
    const m = await connectFleet(fleet, mosq.port, mosq.pid);
    mosquitto = m.result;
    m.pool.closeAll();
    ctx.progress(`  mosquitto: ${mosquitto.perS}/s, ${mosquitto.failures} failures, ${mosquitto.rssPerConnectionKb} kB RSS per connection`);
  } finally {
    await mosq.stop();
  }
  return { connections: { dash, mosquitto, ...(!ctx.quick && { clientCost: await clientCost() }) }, storm };
}

/**
 * Buttons behave as the contract asks: a press without PUBACK stays in the outbox; a button
 * whose connection drops reconnects and sends it again (same pressId) until it is committed.
 */
async function runStorm(ctx: RunContext, pool: DevicePool, sut: Awaited<ReturnType<typeof startSut>>) {
  const presses = new PressPhase('storm', true);
  const resends = new PressPhase('storm', true);
  const pick = rng(99);
  const n = pool.fleet.length;
  const outbox = new Map<string, { device: number; intended: number }>();
  const gen = watchGenerator();
  const s0 = sut.sample();
  const pg0 = cpuMsOfComm('postgres');
  const loop = await runOpenLoop({
    ratePerS: n, durationMs: 1000.5, arrivals: 'fixed', seed: 5,
    fire: (intended, k) => {
      const pressId = pool.press(k % n, presses, intended, { trackAck: false });
      if (!pressId) return;
      outbox.set(pressId, { device: k % n, intended });
      // A fifth of the buttons resend the same press 100–400 ms later, as if the PUBACK were lost.
      if (pick() < 0.2) setTimeout(() => pool.press(k % n, resends, intended, { pressId, trackAck: false }), 100 + pick() * 300);
    },
  });
  const committed = (id: string) => presses.committedAt.get(id) ?? resends.committedAt.get(id);
  const deadline = performance.now() + ctx.secs(30, 10);
  let rounds = 0;
  while (performance.now() < deadline) {
    for (let waited = 0; waited < 11_000 && [...outbox.keys()].some((id) => !committed(id)); waited += 50) await sleep(50);
    const open = [...outbox].filter(([id]) => !committed(id));
    if (open.length === 0) break;
    rounds++;
    await pool.connectAll({ concurrency: CONCURRENCY, subscribeAcks: false });
    for (const [pressId, p] of open) pool.press(p.device, resends, p.intended, { pressId, trackAck: false });
  }
  const s1 = sut.sample();
  const pg1 = cpuMsOfComm('postgres');
  const times = [...outbox.keys()].map(committed).filter((t): t is number => t !== undefined);
  const [rows] = await sut.sql<{ n: number; d: number; t: number }>(
    `select count(*)::int n, count(distinct (device_id, press_id))::int d, count(distinct ticket_id)::int t from presses where press_id like 'storm.%'`);
  const [dup] = await sut.sql<{ n: number }>(`select count(*)::int n from (select 1 from tickets
    where status in ('new','acknowledged','in_progress','pending') and source <> 'device_health' group by site_id, category_id having count(*) > 1) x`);
  const sinceStart = (t: number) => t - loop.startedAt;
  const result = {
    presses: outbox.size, deadlineMs: ctx.secs(30, 10), resends: resends.sent, resendRounds: rounds, durable: times.length,
    durableWithin3s: times.filter((t) => sinceStart(t) <= 3000).length,
    allDurableMs: times.length === outbox.size ? round(Math.max(...times.map(sinceStart)), 0) : null,
    lost: outbox.size - times.length, inDb: rows?.n ?? 0, duplicateRows: (rows?.n ?? 0) - (rows?.d ?? 0),
    tickets: rows?.t ?? 0, duplicateOpenTickets: dup?.n ?? 0, firstTryCommitMs: presses.commit.summary(), disconnects: pool.disconnects,
    sutCores: round(coreShare(s1.cpuMs - s0.cpuMs, s1.at - s0.at)), postgresCores: round(coreShare(pg1 - pg0, s1.at - s0.at)),
    generator: gen.stop(loop.lag),
  };
  ctx.progress(`  storm: ${result.durable}/${result.presses} durable (${result.durableWithin3s} within 3 s, all in ${result.allDurableMs ?? '∞'} ms), ` +
    `${result.inDb} rows, ${result.duplicateRows} duplicates, ${result.disconnects} disconnects, ${rounds} resend rounds`);
  return result;
}

/** What one client costs the generator: raw clients (used here) against MQTT.js 5, 1,000 each, on Mosquitto. */
async function clientCost() {
  const N = 1000;
  const mosq = await startMosquitto();
  const measure = async (connect: (i: number) => Promise<() => void>) => {
    (globalThis as { gc?: () => void }).gc?.();
    const rss0 = process.memoryUsage().rss;
    const cpu0 = process.cpuUsage();
    const closers: (() => void)[] = [];
    for (let i = 0; i < N; i += 100) closers.push(...(await Promise.all(Array.from({ length: 100 }, (_, k) => connect(i + k)))));
    const cpu = process.cpuUsage(cpu0);
    await sleep(300);
    const rss = process.memoryUsage().rss - rss0;
    closers.forEach((c) => c());
    await sleep(300);
    return { rssKbPerClient: round(rss / 1024 / N, 1), cpuUsPerConnect: round((cpu.user + cpu.system) / N, 0) };
  };
  try {
    const raw = await measure(async (i) => {
      const c = await RawMqttClient.connect({ host: '127.0.0.1', port: mosq.port, clientId: `raw-${i}` });
      return () => c.end();
    });
    const mqttjs = await measure(async (i) => {
      const c = await mqtt.connectAsync(`mqtt://127.0.0.1:${mosq.port}`, { clientId: `js-${i}`, protocolVersion: 4, reconnectPeriod: 0 });
      return () => void c.end(true);
    });
    return { clients: N, raw, mqttjs };
  } finally {
    await mosq.stop();
  }
}
