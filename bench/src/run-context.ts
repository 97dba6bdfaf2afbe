/** What every workload gets: the run's settings and a logger for progress lines. */
import type { DbKind } from './databases.ts';

export type RunSettings = {
  quick: boolean;
  databases: DbKind[];
  only: Set<string> | null;
  baseUrl: string;
  profileDir: string | null;
  /** Background telemetry during the press phases, messages/s (the 1,000 by default). */
  telemetryPerS: number;
  /** Config overrides for every SUT (`--set=TELEMETRY_FLUSH_MS=5000`): experiments, not defaults. */
  sutEnv: Record<string, string>;
};

/**
 * How big each workload is. --quick shrinks them to stay under 2 minutes; the Markdown labels
 * every headline row with these numbers, so quick figures are not read as full ones.
 */
export type Sizes = {
  /** Buttons of the press/SSE fleet, per database; each reports its own (site, category). */
  pressFleet: Record<DbKind, number>;
  /** Devices that connect (Dash and Mosquitto alike) and then press once each in the storm. */
  connections: number;
  /** Open tickets of the SLA workload (two pending jobs each). */
  slaTickets: number;
  /** Reminders that come due while Dash runs (10 ms apart); 40 % as many around the SIGKILL. */
  slaReminders: number;
};

export const FULL_SIZES: Sizes = { pressFleet: { postgres: 1000, pglite: 1000 }, connections: 10_000, slaTickets: 100_000, slaReminders: 500 };
export const QUICK_SIZES: Sizes = { pressFleet: { postgres: 400, pglite: 100 }, connections: 2000, slaTickets: 20_000, slaReminders: 200 };

export type RunContext = RunSettings & {
  sizes: Sizes;
  progress(line: string): void;
  /** Seconds scaled for --quick. */
  secs(full: number, quick: number): number;
};

export function makeContext(s: RunSettings): RunContext {
  const t0 = performance.now();
  return {
    ...s,
    sizes: s.quick ? QUICK_SIZES : FULL_SIZES,
    progress: (line) => process.stderr.write(`[bench ${((performance.now() - t0) / 1000).toFixed(0).padStart(3)}s] ${line}\n`),
    secs: (full, quick) => (s.quick ? quick : full) * 1000,
  };
}

export const wants = (ctx: RunContext, workload: string) => !ctx.only || ctx.only.has(workload);
