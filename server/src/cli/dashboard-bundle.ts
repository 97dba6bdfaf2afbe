/**
 * The web app's bundle (dashboard/dist). `npm install` builds it (the `prepare` script), and
 * `npm start` builds it again when it is missing or older than its sources, so the README's
 * two commands stay all a user runs. A build goes to a scratch directory and replaces dist by
 * rename, so two processes building at once never serve a half-written bundle.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const DASHBOARD_DIR = fileURLToPath(new URL('../../../dashboard/', import.meta.url));
export const DASHBOARD_DIST = path.join(DASHBOARD_DIR, 'dist');
const SOURCES = ['index.html', 'vite.config.ts', 'src', 'public'];
const STAMP = path.join(DASHBOARD_DIST, 'index.html');

export type BundleState = 'fresh' | 'missing' | 'stale';
export type BuildResult = { ok: true; ms: number } | { ok: false; output: string };

function newestMtime(file: string): number {
  const stat = statSync(file, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return file.endsWith('.test.ts') ? 0 : stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(file).map((name) => newestMtime(path.join(file, name))));
}

export function bundleState(): BundleState {
  const built = statSync(STAMP, { throwIfNoEntry: false });
  if (!built) return 'missing';
  const sources = Math.max(...SOURCES.map((s) => newestMtime(path.join(DASHBOARD_DIR, s))));
  return sources > built.mtimeMs ? 'stale' : 'fresh';
}

/** Runs `vite build` in a child process (its memory is given back when it ends). */
export function buildDashboard(): BuildResult {
  const started = Date.now();
  const require = createRequire(import.meta.url);
  const vite = path.join(path.dirname(require.resolve('vite/package.json')), 'bin', 'vite.js');
  const cache = path.join(DASHBOARD_DIR, '..', 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  const scratch = path.join(cache, `dash-dashboard-${process.pid}-${started}`);
  const run = spawnSync(process.execPath, [vite, 'build', '--config', path.join(DASHBOARD_DIR, 'vite.config.ts'), '--outDir', scratch, '--emptyOutDir', '--logLevel', 'warn'], {
    cwd: DASHBOARD_DIR, encoding: 'utf8', env: { ...process.env, NODE_ENV: 'production' },
  });
  if (run.status !== 0 || !existsSync(path.join(scratch, 'index.html'))) {
    rmSync(scratch, { recursive: true, force: true });
    return { ok: false, output: `${run.stdout ?? ''}${run.stderr ?? ''}${run.error?.message ?? ''}`.trim() };
  }
  const old = `${scratch}-old`;
  if (existsSync(DASHBOARD_DIST)) renameSync(DASHBOARD_DIST, old);
  try {
    renameSync(scratch, DASHBOARD_DIST);
  } catch {
    // Another process put its fresh build there first: keep that one.
    rmSync(scratch, { recursive: true, force: true });
  }
  rmSync(old, { recursive: true, force: true });
  return { ok: true, ms: Date.now() - started };
}

/** Builds when missing or stale; a failed build is reported, and the server starts anyway. */
export function ensureDashboardBundle(say: (line: string) => void = console.log): BundleState | 'built' | 'failed' {
  const state = bundleState();
  if (state === 'fresh') return state;
  say(`Building the dashboard (dashboard/dist is ${state})…`);
  const result = buildDashboard();
  if (result.ok) {
    say(`Dashboard built in ${(result.ms / 1000).toFixed(1)} s.`);
    return 'built';
  }
  say(`The dashboard could not be built; the API works, the web pages do not:\n${result.output}`);
  return 'failed';
}
