/** Runs a bench helper script (a reference) in a process of its own and returns its BENCH_RESULT line. */
import { spawn } from 'node:child_process';
import path from 'node:path';

export async function runHelper<T>(script: string, args: string[], timeoutMs = 120_000): Promise<T & { processCpuMs: number }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, script), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d.slice(0, 2000)));
  const code = await new Promise<number | null>((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('exit', (c) => (clearTimeout(timer), resolve(c)));
  });
  const m = /BENCH_RESULT (\{.*\})/.exec(out);
  if (!m) throw new Error(`${script} failed (exit ${code}): ${err}`);
  return JSON.parse(m[1]!) as T & { processCpuMs: number };
}
