/**
 * Reference for the press steps: a plain loop inserting press rows (with their device
 * snapshot), one press per transaction, 16 transactions in flight, as fast as the database
 * allows. Mode `press-row` writes the press row alone (the reference); `merge-rows`
 * writes everything one merged press writes (press row, timeline event, the ticket's counter).
 * Same schema (the product's migrations), same database server, its own process.
 * Usage: node --import tsx bench/src/ref-insert.ts <postgres-url | pglite-dir> <durationMs> <press-row | merge-rows>
 */
import { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import { openDatabase } from '../../server/src/db/client.ts';
import { migrateDatabase } from '../../server/src/db/migrate.ts';
import { Latency } from './histogram.ts';

const [target = '', durationArg = '5000', mode = 'press-row'] = process.argv.slice(2);
const durationMs = Number(durationArg);
const IN_FLIGHT = 16;
const DEVICES = 1000;
const isPg = target.startsWith('postgres');

const setup = `
  insert into categories (key, name) select 'ref-' || g, 'Ref ' || g from generate_series(0, 3) g;
  insert into sites (code, name) select 'ref-' || g, 'Ref ' || g from generate_series(0, ${DEVICES / 4 - 1}) g;
  insert into devices (id, name, site_id, kind, secret_hash)
    select 'ref-' || g, 'Ref ' || g, s.id, 'other', 'x' from generate_series(0, ${DEVICES - 1}) g join sites s on s.code = 'ref-' || (g / 4);
  insert into tickets (status, priority, source, site_id, category_id, device_id, title, opened_at, press_count)
    select 'new', 'P3', 'button', d.site_id, c.id, d.id, 'Ref', now(), 0
    from devices d join categories c on c.key = 'ref-' || (substr(d.id, 5)::int % 4);`;

const SNAPSHOT = JSON.stringify({ state: 'ready', lastSeenAt: new Date().toISOString(), batteryMv: 3912, batteryPct: 81, rssi: -61, uptimeS: 1, fw: null, pending: 0, extra: null, telemetryAt: null });
const INSERT_PRESS = `insert into presses (device_id, press_id, seq, button, action, pressed_at, received_at, queued, outcome, ticket_id, category_id, snapshot)
  values ($1, $2, $3, 0, 'single', $4, $4, false, 'merged', $5, $6, $7)`;
const UPDATE_TICKET = `update tickets set press_count = press_count + 1, last_press_at = greatest(last_press_at, $2::timestamptz), updated_at = $2 where id = $1`;
const INSERT_EVENT = `insert into ticket_events (ticket_id, type, actor, at, data) values ($1, 'press_merged', $2, $3, $4)`;

type Exec = (q: string, params: unknown[]) => Promise<unknown>;
type Begin = (work: (exec: Exec) => Promise<void>) => Promise<void>;

async function main(): Promise<void> {
  const database = await openDatabase(isPg ? { databaseUrl: target, dataDir: '' } : { dataDir: target });
  await migrateDatabase(database);
  await database.close();
  let begin: Begin;
  let query: (q: string) => Promise<Record<string, unknown>[]>;
  let close: () => Promise<void>;
  if (isPg) {
    const sql = postgres(target, { max: IN_FLIGHT, onnotice: () => {} });
    begin = async (work) => void (await sql.begin((tx) => work((q, p) => tx.unsafe(q, p as never[]))));
    query = async (q) => [...(await sql.unsafe(q))] as Record<string, unknown>[];
    close = () => sql.end();
  } else {
    const pg = await PGlite.create(`${target}/pglite`);
    begin = async (work) => void (await pg.transaction((tx) => work((q, p) => tx.query(q, p))));
    query = async (q) => (await pg.exec(q)).at(-1)?.rows as Record<string, unknown>[];
    close = () => pg.close();
  }
  await query(setup);
  const targets = (await query(`select t.id, t.device_id, t.category_id from tickets t order by t.device_id`)) as { id: string; device_id: string; category_id: string }[];
  const latency = new Latency();
  let done = 0;
  let n = 0;
  const t0 = performance.now();
  const worker = async () => {
    while (performance.now() - t0 < durationMs) {
      const k = n++;
      const t = targets[k % targets.length]!;
      const start = performance.now();
      const at = new Date();
      await begin(async (exec) => {
        await exec(INSERT_PRESS, [t.device_id, `ref.${k}`, k, at, t.id, t.category_id, SNAPSHOT]);
        if (mode === 'press-row') return;
        await exec(UPDATE_TICKET, [t.id, at]);
        await exec(INSERT_EVENT, [t.id, `device:${t.device_id}`, at, JSON.stringify({ pressId: `ref.${k}`, action: 'single' })]);
      });
      latency.recordMs(performance.now() - start);
      done++;
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  const wall = performance.now() - t0;
  await close();
  const cpu = process.cpuUsage();
  console.log(`BENCH_RESULT ${JSON.stringify({ mode, pressesPerS: Math.round((done / wall) * 1000), done, wallMs: Math.round(wall), txMs: latency.summary(), cpuMs: (cpu.user + cpu.system) / 1000 })}`);
}

await main();
