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

export type RunContext = RunSettings & {
  progress(line: string): void;
  /** Seconds scaled for --quick. */
  secs(full: number, quick: number): number;
};

export function makeContext(s: RunSettings): RunContext {
  const t0 = performance.now();
  return {
    ...s,
    progress: (line) => process.stderr.write(`[bench ${((performance.now() - t0) / 1000).toFixed(0).padStart(3)}s] ${line}\n`),
    secs: (full, quick) => (s.quick ? quick : full) * 1000,
  };
}

export const wants = (ctx: RunContext, workload: string) => !ctx.only || ctx.only.has(workload);
