/** The Markdown summary of a run: headline ratios to the same-run references, then the details. */
import type { GeneratorHealth } from './generator-health.ts';
import type { LatencySummary } from './histogram.ts';
import type { PressLoadResult } from './press-load.ts';
import type { SseResult } from './w-sse.ts';
import type { RefResult } from './w-presses.ts';
import { FULL_SIZES, type Sizes } from './run-context.ts';

/* eslint-disable @typescript-eslint/no-explicit-any -- results are read back loosely: a failed workload leaves holes */
type Db = Record<string, any>;
const DBS = ['postgres', 'pglite'] as const;
const f = (x: unknown, unit = '') => (x === undefined || x === null || Number.isNaN(x) ? '—' : `${typeof x === 'number' ? x.toLocaleString('en-US', { maximumFractionDigits: 2 }) : x}${unit}`);
const ratio = (a?: number, b?: number) => (a && b ? `${(a / b).toFixed(2)}×` : '—');
const ms = (l?: LatencySummary) => (l ? `${f(l.p50)} / ${f(l.p99)} / ${f(l.max)}` : '—');

const n = (x: number) => x.toLocaleString('en-US');

function headline(byDb: Record<string, Db>, z: Sizes): string[] {
  const fleet = `${n(z.pressFleet.postgres)} buttons on PostgreSQL, ${n(z.pressFleet.pglite)} on PGlite`;
  const row = (name: string, target: string, cell: (d: Db) => string) =>
    `| ${name} | ${target} | ${DBS.map((k) => (byDb[k] ? cell(byDb[k]) : 'not run')).join(' | ')} |`;
  return [
    '| workload | target | PostgreSQL | PGlite |',
    '|---|---|---|---|',
    row(`press steps QoS 1 + 1,000 telemetry/s (${fleet}): highest step passing (0 loss, 0 dup, p99 ≤ 100 ms)`, '≥ 3,000/s', (d) => f(d.steps?.highestPassing, '/s')),
    row('… most presses committed per second in any step', '', (d) => f(d.steps?.maxCommittedPerS, '/s')),
    row('… reference: plain inserts, 1 press row per transaction, 16 in flight (merge rows: press + event + ticket)', '', (d) =>
      `${f(d.reference?.['press-row']?.pressesPerS, '/s')} (${f(d.reference?.['merge-rows']?.pressesPerS, '/s')})`),
    row('… ratio: highest passing step / reference (max committed / reference)', '≥ 0.3× (0.6×)', (d) =>
      `${ratio(d.steps?.highestPassing, d.reference?.['press-row']?.pressesPerS)} (${ratio(d.steps?.maxCommittedPerS, d.reference?.['press-row']?.pressesPerS)})`),
    row(`nominal 200 presses/s (${fleet}): p99 press→commit (PUBACK), press→ack`, '≤ 20 ms', (d) =>
      d.nominal ? `${f(d.nominal.commitMs.p99, ' ms')}, ${f(d.nominal.ackMs.p99, ' ms')} (${d.nominal.pubacked}/${d.nominal.sent})` : '—'),
    ...[50, 500].map((n) => row(`${n} SSE boards at 200 presses/s: p99 press→board, worst board delivered; synthetic events alone p99; reference p99`, '≤ 100 ms, 100 %', (d) => {
      const s = (d.sse as SseResult[] | undefined)?.find((x) => x.boards === n);
      return s ? `${f(s.dash.boardMs.p99, ' ms')}, ${f(s.dash.minDelivered * 100, ' %')}; alone ${f(s.fanout?.boardMs.p99, ' ms')}; ref ${f(s.reference.boardMs.p99, ' ms')}` : '—';
    })),
    row('SSE CPU per delivered event, synthetic events alone (fan-out): Dash / reference, ratio (lower is better); with the presses behind them', '≤ 1.25×', (d) => {
      const s = (d.sse as SseResult[] | undefined)?.[0];
      return s ? `${f(s.fanout?.serverCpuUsPerDelivery, ' µs')} / ${f(s.reference.serverCpuUsPerDelivery, ' µs')}, ${ratio(s.fanout?.serverCpuUsPerDelivery, s.reference.serverCpuUsPerDelivery)}; ${f(s.dash.serverCpuUsPerDelivery, ' µs')}` : '—';
    }),
    row(`${n(z.connections)} devices: connects/s, failures; Mosquitto (same clients)`, '≥ 2,000/s, 0', (d) => {
      const c = d.connections;
      return c ? `${f(c.dash?.perS, '/s')}, ${f(c.dash?.failures)}${c.mosquitto ? `; Mosquitto ${f(c.mosquitto.perS, '/s')} (${ratio(c.dash?.perS, c.mosquitto.perS)})` : ''}` : '—';
    }),
    row('… RSS per connection; Mosquitto', '≤ 16 kB', (d) => {
      const c = d.connections;
      return c ? `${f(c.dash?.rssPerConnectionKb, ' kB')}${c.mosquitto ? `; Mosquitto ${f(c.mosquitto.rssPerConnectionKb, ' kB')}` : ''}` : '—';
    }),
    row(`storm: ${n(z.connections)} presses in 1 s + 20 % resends: durable within 3 s; all durable after; unacknowledged at the deadline; duplicate rows`, 'all within 3 s, 0, 0', (d) => {
      const s = d.storm;
      return s ? `${f(s.durableWithin3s)}/${f(s.presses)}; ${s.allDurableMs === null ? `not all in ${f((s.deadlineMs ?? 30_000) / 1000, ' s')}` : f(s.allDurableMs, ' ms')}; ${f(s.lost)}; ${f(s.duplicateRows)}` : '—';
    }),
    row(`SLA at ${n(z.slaTickets)} open tickets: per-tick claim p50 / p99; naive scan p50; ratio`, '≤ 2 ms, ≥ 30×', (d) =>
      d.sla ? `${f(d.sla.tick.p50)} / ${f(d.sla.tick.p99)} ms; ${f(d.sla.naive.p50, ' ms')}; ${f(d.sla.ratioP50, '×')}` : '—'),
    row('… reminder lateness p99; after SIGKILL: restart, first overdue job after ready, lateness p99', '≤ 1 s; ≤ 1 s', (d) =>
      d.sla ? `${f(d.sla.reminders.lateMs.p99, ' ms')}; ${f(d.sla.restart.restartMs, ' ms')}, ${f(d.sla.restart.firstAfterReadyMs, ' ms')}, ${f(d.sla.restart.lateMs.p99, ' ms')}` : '—'),
  ];
}

function stepsTable(kind: string, d: Db): string[] {
  const rows = [...((d.warmup ? [] : []) as PressLoadResult[]), ...(d.nominal ? [d.nominal] : []), ...(d.steps?.results ?? [])] as (PressLoadResult & { pass?: boolean; why?: string[] })[];
  if (rows.length === 0) return [];
  return [
    `### Presses on ${kind}`, '',
    '| phase | target/s | sent | committed/s | commit p50 / p99 / max ms | ack p99 ms | Dash cores | Dash CPU µs/press | PostgreSQL cores | verdict |',
    '|---|---|---|---|---|---|---|---|---|---|',
    ...rows.map((r) => `| ${r.tag} | ${f(r.targetRate)} | ${f(r.sent)} | ${f(r.committedPerS)} | ${ms(r.commitMs)} | ${f(r.ackMs.p99)} | ${f(r.sutCores)} | ${f(r.sutCpuUsPerPress)} | ${f(r.postgresCores)} | ${r.pass === undefined ? '' : r.pass ? 'pass' : `fail: ${r.why?.join('; ')}`} |`),
    '',
  ];
}

function generatorFlags(byDb: Record<string, Db>): string[] {
  const flagged: string[] = [];
  const visit = (path: string, v: unknown) => {
    if (!v || typeof v !== 'object') return;
    const g = (v as { generator?: GeneratorHealth }).generator;
    if (g?.bound) flagged.push(`- ${path}: ${g.why.join('; ')}`);
    for (const [k, child] of Object.entries(v)) if (k !== 'generator') visit(`${path}.${k}`, child);
  };
  for (const [k, d] of Object.entries(byDb)) visit(k, d);
  return flagged.length ? ['**Generator-bound phases** (their latencies include the generator\'s own delay):', '', ...flagged, ''] : ['No phase was generator-bound (generator < 0.8 core, send lag p99 < 10 ms).', ''];
}

const sizeLine = (z: Sizes) => `press fleet ${n(z.pressFleet.postgres)} buttons on PostgreSQL and ${n(z.pressFleet.pglite)} on PGlite, made with SQL; ${n(z.connections)} connections and storm presses; SLA at ${n(z.slaTickets)} open tickets with ${n(z.slaReminders)} reminders due; PGlite runs the press phases and the press-row reference only`;

export function renderMarkdown(r: Record<string, any>): string {
  const m = r.machine;
  const byDb = r.byDb as Record<string, Db>;
  const sizes = (r.sizes as Sizes | undefined) ?? FULL_SIZES;
  const refs = (k: string) => byDb[k]?.reference as Record<string, RefResult> | undefined;
  const errors = Object.entries(byDb).flatMap(([k, d]) => Object.entries(d).filter(([n]) => n.endsWith('Error')).map(([n, e]) => `- ${k} ${n}: ${String(e).split('\n')[0]}`));
  return [
    `## Dash bench ${r.quick ? '(quick)' : '(full)'} — ${r.startedAt}`, '',
    `Machine: ${m.cpus} × ${m.cpuModel}, ${m.memGb} GB, Node ${m.node}, PostgreSQL ${m.postgres}; load average before ${m.loadAvgBefore.join(' ')}; run took ${r.wallS} s.`,
    'Every Dash figure comes from a separate process (CPU and RSS from /proc); latencies are from the intended send time (open loop).', '',
    ...(r.quick ? [`**Quick profile: smaller sizes than a full run (${sizeLine(sizes)}), shorter phases (nominal 5 s, boards 3 s, steps 3 s, stragglers 6 s, storm deadline 10 s). Do not compare these numbers with a full run's.**`, ''] : []),
    ...headline(byDb, sizes), '',
    ...generatorFlags(byDb),
    ...(errors.length ? ['**Errors:**', '', ...errors, ''] : []),
    ...DBS.flatMap((k) => (byDb[k] ? stepsTable(k, byDb[k]) : [])),
    ...DBS.flatMap((k) => (refs(k) ? [`Reference on ${k}: ${Object.values(refs(k)!).map((x) => `${x.mode} ${x.pressesPerS}/s (tx p99 ${x.txMs.p99} ms)`).join(', ')}`, ''] : [])),
  ].join('\n');
}
