/**
 * Workload 6: SLA timers at 100,000 open tickets (20,000 in --quick: the per-tick claim should not
 * grow with them, the naive scan does, so the ratio still says which is which). Setup writes the tickets and two future
 * jobs each with SQL. Then: (a) the scheduler's per-tick claim cost (the product's own
 * startScheduler().runDue() with nothing due) against the reference, a naive scan of every
 * open ticket per tick; (b) lateness of 500 reminders that come due while Dash runs;
 * (c) re-arm after a crash: reminders that came due while Dash was down (SIGKILL) must run
 * right after it is back.
 */
import { and, eq, inArray, lte, or } from 'drizzle-orm';
import pino from 'pino';
import { openDatabase } from '../../server/src/db/client.ts';
import { migrateDatabase } from '../../server/src/db/migrate.ts';
import { OPEN_STATUSES, tickets } from '../../server/src/db/schema.ts';
import { startScheduler } from '../../server/src/jobs/scheduler.ts';
import { createScratch, type DbKind, type Scratch } from './databases.ts';
import { Latency, round } from './histogram.ts';
import { sleep } from './open-loop.ts';
import type { RunContext } from './run-context.ts';
import { startSut, type Sut } from './sut-control.ts';

const CATEGORIES = 100; // sites × 100 (site, category) pairs: one open ticket each

const setupSql = (sites: number) => `
  insert into sites (code, name) select 'sla-' || g, 'SLA site ' || g from generate_series(0, ${sites - 1}) g;
  insert into categories (key, name) select 'sla-' || g, 'SLA category ' || g from generate_series(0, ${CATEGORIES - 1}) g;
  insert into tickets (status, priority, source, site_id, category_id, title, opened_at, press_count, sla_version, response_due_at, resolution_due_at)
    select 'new', 'P3', 'button', s.id, c.id, 'SLA bench', now() - interval '10 minutes', 1, 1,
      now() + interval '1 hour' + random() * interval '47 hours', now() + interval '50 hours' + random() * interval '100 hours'
    from sites s cross join categories c where s.code like 'sla-%' and c.key like 'sla-%';
  insert into jobs (kind, key, ticket_id, due_at, payload)
    select 'sla.reminder', 'bench-r:' || id, id, response_due_at - interval '15 minutes', '{"version":1,"target":"response","percent":75}'::jsonb
    from tickets where title = 'SLA bench';
  insert into jobs (kind, key, ticket_id, due_at, payload)
    select 'sla.breach', 'bench-b:' || id, id, response_due_at, '{"version":1,"target":"response"}'::jsonb from tickets where title = 'SLA bench';`;

/** `count` reminders on distinct tickets, due from `fromMs` (epoch) every `gapMs`. */
const soonJobs = (tag: string, count: number, fromMs: number, gapMs: number, offset: number) => `
  insert into jobs (kind, key, ticket_id, due_at, payload)
    select 'sla.reminder', '${tag}:' || id, id, to_timestamp(${fromMs / 1000}) + (n * interval '${gapMs} milliseconds'),
      '{"version":1,"target":"response","percent":75}'::jsonb
    from (select id, row_number() over (order by id) - 1 as n
      from (select id from tickets where title = 'SLA bench' order by id offset ${offset} limit ${count}) page) t;`;

export async function slaWorkload(ctx: RunContext, kind: DbKind) {
  const scratch = await createScratch(kind, ctx.baseUrl);
  try {
    const open = ctx.sizes.slaTickets;
    ctx.progress(`${kind}: SLA at ${open} open tickets`);
    const t0 = performance.now();
    const ticks = await setupAndMeasureTicks(ctx, scratch);
    ctx.progress(`  setup ${round((performance.now() - t0) / 1000, 1)} s; tick ${ticks.tick.p50} ms (p99 ${ticks.tick.p99}) vs naive scan ${ticks.naive.p50} ms: ${ticks.ratioP50}×`);
    const timers = await lateness(ctx, scratch);
    return { openTickets: open, pendingJobs: 2 * open, ...ticks, ...timers };
  } finally {
    await scratch.drop();
  }
}

async function setupAndMeasureTicks(ctx: RunContext, scratch: Scratch) {
  const database = await openDatabase({ databaseUrl: scratch.url, dataDir: scratch.dataDir ?? '' });
  try {
    await migrateDatabase(database);
    const setup = setupSql(Math.ceil(ctx.sizes.slaTickets / CATEGORIES));
    if (database.client.kind === 'postgres') await database.client.sql.unsafe(setup);
    else await database.client.pglite.exec(setup);
    if (database.client.kind === 'postgres') await database.client.sql.unsafe('analyze');
    const scheduler = await startScheduler({ database, handlers: {}, log: pino({ level: 'silent' }) });
    await sleep(200);
    const rounds = ctx.quick ? 100 : 300;
    const tick = new Latency();
    for (let i = 0; i < rounds; i++) {
      const s = performance.now();
      const ran = await scheduler.runDue();
      tick.recordMs(performance.now() - s);
      if (ran > 0) throw new Error('a job was due during the tick measurement');
    }
    await scheduler.stop();
    // Reference: every tick reads every open ticket and checks its due times in code.
    const naive = new Latency();
    for (let i = 0; i < Math.max(10, rounds / 10); i++) {
      const s = performance.now();
      const now = new Date();
      const rows = await database.db.select({ id: tickets.id, ack: tickets.acknowledgedAt, r: tickets.responseDueAt, res: tickets.resolutionDueAt, v: tickets.slaVersion })
        .from(tickets).where(inArray(tickets.status, [...OPEN_STATUSES]));
      rows.filter((t) => (!t.ack && t.r && t.r <= now) || (t.res && t.res <= now));
      naive.recordMs(performance.now() - s);
    }
    // The same question, asked of the tickets table with SQL (due in the future: nothing comes back).
    const indexed = new Latency();
    for (let i = 0; i < rounds; i++) {
      const s = performance.now();
      const now = new Date();
      await database.db.select({ id: tickets.id }).from(tickets)
        .where(and(inArray(tickets.status, [...OPEN_STATUSES]), or(lte(tickets.responseDueAt, now), lte(tickets.resolutionDueAt, now)), eq(tickets.responseBreached, false))).limit(50);
      indexed.recordMs(performance.now() - s);
    }
    const t = tick.summary();
    const n = naive.summary();
    return { tick: t, naive: n, ticketsWhereDue: indexed.summary(), ratioP50: round(n.p50 / t.p50, 1), ratioP99: round(n.p99 / t.p99, 1) };
  } finally {
    await database.close();
  }
}

async function waitDone(sut: Sut, tag: string, count: number, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    const [r] = await sut.sql<{ n: number }>(`select count(*)::int n from jobs where key like '${tag}:%' and status <> 'pending'`);
    if ((r?.n ?? 0) >= count) return;
    await sleep(250);
  }
}

async function lateness(ctx: RunContext, scratch: Scratch) {
  const readyStart = performance.now();
  let sut = await startSut({ env: { ...scratch.env, ...ctx.sutEnv }, profileDir: ctx.profileDir, label: `sla-${scratch.kind}` });
  const startupMs = round(performance.now() - readyStart, 0);
  try {
    // (b) reminders due over the next 5 s while Dash runs, scheduled behind its back with SQL: then
    // woken as the product's own verbs wake it after scheduling a job.
    const from = Date.now() + 1000;
    // 500 reminders 10 ms apart (200 in --quick); 200 (100) around the crash.
    const soon = ctx.sizes.slaReminders;
    const crash = Math.round(soon * 0.4);
    await sut.sql(soonJobs('bench-soon', soon, from, 10, 0));
    await sut.wake();
    await waitDone(sut, 'bench-soon', soon, 30_000);
    const late = await collectLateness(sut, 'bench-soon');
    ctx.progress(`  reminders: ${late.ran}/${soon} ran, lateness p99 ${late.lateMs.p99} ms`);
    // (c) reminders due 0.5–1.5 s from now; Dash is killed at once and started again.
    await sut.sql(soonJobs('bench-crash', crash, Date.now() + 500, 5, soon));
    await sut.kill();
    const downAt = performance.now();
    sut = await startSut({ env: { ...scratch.env, ...ctx.sutEnv }, profileDir: ctx.profileDir, label: `sla-restart-${scratch.kind}` });
    const readyAt = Date.now();
    const restartMs = round(performance.now() - downAt, 0);
    await waitDone(sut, 'bench-crash', crash, 30_000);
    const rows = await sut.sql<{ done: number | null; due: number }>(
      `select (extract(epoch from done_at) * 1000)::float8 done, (extract(epoch from due_at) * 1000)::float8 due from jobs where key like 'bench-crash:%'`);
    // Late by: from when the job was due, or from when Dash was back if it came due while Dash was down.
    const rearm = new Latency();
    let first = Infinity;
    for (const r of rows) {
      if (r.done === null) continue;
      rearm.recordMs(Math.max(0, Number(r.done) - Math.max(Number(r.due), readyAt)));
      first = Math.min(first, Number(r.done) - readyAt);
    }
    const overdueAtReady = rows.filter((r) => Number(r.due) < readyAt).length;
    ctx.progress(`  restart after SIGKILL: ready in ${restartMs} ms, ${overdueAtReady} overdue, first ran ${round(first, 0)} ms after ready, lateness p99 ${rearm.summary().p99} ms`);
    return {
      startupMs, reminders: late,
      restart: { restartMs, overdueAtReady, ran: rearm.count, of: crash, firstAfterReadyMs: round(first, 0), lateMs: rearm.summary() },
    };
  } finally {
    await sut.stop();
  }
}

async function collectLateness(sut: Sut, tag: string) {
  const rows = await sut.sql<{ late: number | null; status: string }>(
    `select (extract(epoch from (done_at - due_at)) * 1000)::float8 late, status from jobs where key like '${tag}:%'`);
  const lateMs = new Latency();
  for (const r of rows) if (r.late !== null) lateMs.recordMs(Math.max(0, Number(r.late)));
  return { ran: lateMs.count, statuses: rows.reduce<Record<string, number>>((a, r) => ((a[r.status] = (a[r.status] ?? 0) + 1), a), {}), lateMs: lateMs.summary() };
}
