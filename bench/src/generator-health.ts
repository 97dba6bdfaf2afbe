/**
 * Is the load generator itself the bottleneck? Its event-loop delay and its own CPU share are
 * watched over each phase; a phase is flagged generator-bound when either would distort the
 * latencies it reports.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { round } from './histogram.ts';
import type { Latency } from './histogram.ts';

export type GeneratorHealth = {
  cpuCores: number;
  loopDelayP99Ms: number;
  sendLagP99Ms: number;
  bound: boolean;
  why: string[];
};

/** Limits: a generator above 0.8 core, or late by more than 10 ms at p99, distorts a 100 ms p99 target on 2 cores. */
const MAX_CORES = 0.8;
const MAX_LAG_MS = 10;

export function watchGenerator() {
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  return {
    stop(sendLag?: Latency): GeneratorHealth {
      loop.disable();
      const used = process.cpuUsage(cpu0);
      const cores = (used.user + used.system) / 1000 / (performance.now() - t0);
      const loopP99 = loop.percentile(99) / 1e6;
      const lagP99 = sendLag ? sendLag.summary().p99 : 0;
      const why: string[] = [];
      if (cores > MAX_CORES) why.push(`generator CPU ${round(cores)} cores > ${MAX_CORES}`);
      if (lagP99 > MAX_LAG_MS) why.push(`generator send lag p99 ${round(lagP99)} ms > ${MAX_LAG_MS}`);
      if (loopP99 > MAX_LAG_MS * 2) why.push(`generator event-loop delay p99 ${round(loopP99)} ms`);
      return { cpuCores: round(cores), loopDelayP99Ms: round(loopP99), sendLagP99Ms: round(lagP99), bound: why.length > 0, why };
    },
  };
}
