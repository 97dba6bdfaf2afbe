/**
 * The press path alone, in process: Dash's own reportPresses on a scratch database, no broker
 * and no load generator, so its CPU per press can be compared between two versions of the code
 * on a machine too busy for the open-loop phases to mean much. `--root` points at another
 * checkout (e.g. `git archive <commit>` unpacked with node_modules linked) to measure it the
 * same way in the same minute.
 *
 *   node --import tsx bench/src/press-path.ts [--root=DIR] [--db=postgres|pglite] [--devices=1000] [--batch=100] [--rounds=20]
 */
import { Socket } from 'node:net';
import path from 'node:path';
import { cpuUsage } from 'node:process';
import pino from 'pino';
import { cleanupAll, createScratch, type DbKind } from './databases.ts';

const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=') as [string, string]));
const root = path.resolve(args.root ?? path.join(import.meta.dirname, '..', '..'));
const kind = (args.db ?? 'postgres') as DbKind;
const DEVICES = Number(args.devices ?? 1000);
const BATCH = Number(args.batch ?? 100);
const ROUNDS = Number(args.rounds ?? 20);

type PressInput = { deviceId: string; receivedAt: Date; press: { v: 1; pressId: string; seq: number; button: number; action: 'single' } };
type Mod = { reportPresses: (deps: unknown, inputs: PressInput[]) => Promise<{ outcome: string }[]> };

// Socket writes to the database: one per round trip (postgres.js sends a pipeline in one write).
let dbWrites = 0;
const write = Socket.prototype.write;
Socket.prototype.write = function (this: Socket, ...a: Parameters<Socket['write']>) {
  if (this.remotePort === 5432) dbWrites++;
  return write.apply(this, a);
} as Socket['write'];

const { loadConfig } = await import(path.join(root, 'server/src/config.ts'));
const { startSystem } = await import(path.join(root, 'server/src/system.ts'));
const { reportPresses } = (await import(path.join(root, 'server/src/tickets/report-presses.ts'))) as Mod;

const scratch = await createScratch(kind, process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test');
try {
  const loaded = loadConfig({ HTTP_PORT: '0', MQTT_PORT: '0', HOST: '127.0.0.1', ADMIN_EMAIL: 'bench@dash.test', ADMIN_PASSWORD: 'bench-pass-123', LOG_LEVEL: 'warn', ...scratch.env });
  const system = await startSystem({ config: loaded.config, log: pino({ level: 'warn' }), mode: 'all-in-one' });
  const sql = (text: string) => system.database.db.execute(text);
  // One (site, category) per device, as in the press steps of w-presses.ts.
  await sql(`insert into sites (code, name) select 'pp-' || g, 'Site ' || g from generate_series(1, ${DEVICES}) g`);
  await sql(`insert into categories (key, name) select 'pp-' || g, 'Category ' || g from generate_series(1, ${DEVICES}) g`);
  await sql(`insert into devices (id, name, site_id, secret_hash) select 'pp-' || g, 'Button ' || g, s.id, 'x' from generate_series(1, ${DEVICES}) g join sites s on s.code = 'pp-' || g`);
  await sql(`insert into device_buttons (device_id, button, category_id) select 'pp-' || g, 0, c.id from generate_series(1, ${DEVICES}) g join categories c on c.key = 'pp-' || g`);

  let n = 0;
  const press = (device: number): PressInput => ({ deviceId: `pp-${device}`, receivedAt: new Date(), press: { v: 1, pressId: `p${++n}`, seq: n, button: 0, action: 'single' } });
  const measure = async (label: string, batches: PressInput[][]) => {
    const outcomes: Record<string, number> = {};
    const writes0 = dbWrites;
    const cpu0 = cpuUsage();
    const t0 = performance.now();
    for (const b of batches) for (const r of await reportPresses(system.tickets, b)) outcomes[r.outcome] = (outcomes[r.outcome] ?? 0) + 1;
    const wallMs = performance.now() - t0;
    const cpu = cpuUsage(cpu0);
    const count = batches.reduce((s, b) => s + b.length, 0);
    const row = { label, presses: count, batch: batches[0]?.length ?? 0, cpuUsPerPress: Math.round((cpu.user + cpu.system) / count),
      dbWritesPerBatch: round1((dbWrites - writes0) / batches.length), wallPressesPerS: Math.round(count / (wallMs / 1000)), outcomes };
    console.log(JSON.stringify(row));
    return row;
  };
  const round1 = (x: number) => Math.round(x * 10) / 10;
  const chunk = (list: PressInput[]) => Array.from({ length: Math.ceil(list.length / BATCH) }, (_, i) => list.slice(i * BATCH, (i + 1) * BATCH));
  await measure('create', chunk(Array.from({ length: DEVICES }, (_, i) => press(i + 1))));
  // Two merges per ticket reach the repeat rule's third press; from then on merges are plain.
  await measure('merge (first two, one raises)', chunk(Array.from({ length: DEVICES * 2 }, (_, i) => press((i % DEVICES) + 1))));
  const rng = (() => { let s = 42; return () => ((s = (s * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31); })();
  await measure('merge', chunk(Array.from({ length: BATCH * ROUNDS }, () => press(1 + Math.floor(rng() * DEVICES)))));
  await measure('merge, one per batch', Array.from({ length: 200 }, () => [press(1 + Math.floor(rng() * DEVICES))]));
  await system.stop();
} finally {
  await scratch.drop();
  await cleanupAll();
}
