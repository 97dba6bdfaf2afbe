/** Starts bench/src/sut.ts as a child process and talks to it: ports, SQL, RSS, CPU, stop. */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { sampleProc, type ProcSample } from './proc-stats.ts';
import type { SutCommand } from './sut.ts';

export type SutOptions = {
  /** Extra config, by the product's variable names (DATABASE_URL, DATA_DIR, …). */
  env: Record<string, string>;
  /** Directory for a --cpu-prof profile of the SUT, or null. */
  profileDir: string | null;
  label: string;
};

export type Sut = Awaited<ReturnType<typeof startSut>>;

const SUT_ENTRY = path.join(import.meta.dirname, 'sut.ts');

export async function startSut(o: SutOptions) {
  const flags = ['--expose-gc', '--import', 'tsx'];
  if (o.profileDir) {
    // Default file names carry pid and thread id: tsx's loader thread writes a profile of its own.
    const dir = path.join(o.profileDir, `${o.label}-${Date.now()}`);
    mkdirSync(dir, { recursive: true });
    flags.unshift('--cpu-prof', `--cpu-prof-dir=${dir}`);
  }
  const env = { ...process.env, ...Object.fromEntries(Object.entries(o.env).map(([k, v]) => [`DASH_${k}`, v])) };
  const child = spawn(process.execPath, [...flags, SUT_ENTRY], { env, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  const stderr: string[] = [];
  let warnLines = 0;
  child.stderr!.setEncoding('utf8').on('data', (d: string) => {
    for (const line of d.split('\n').filter(Boolean)) {
      warnLines++;
      if (stderr.length < 50) stderr.push(line.slice(0, 300));
    }
  });
  const ready = await new Promise<{ httpPort: number; mqttPort: number; db: string }>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`SUT ${o.label} did not start in 60 s: ${stderr.join('\n')}`)), 60_000);
    child.stdout!.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      const m = /BENCH_READY (\{.*\})/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(JSON.parse(m[1]!));
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`SUT ${o.label} exited with ${code}: ${stderr.join('\n')}`));
    });
  });
  // --cpu-prof writes its profile at exit: a long run's takes a while on a busy machine.
  return control(child, ready, () => ({ warnLines, firstLines: stderr.slice(0, 5) }), o.profileDir ? 120_000 : 10_000);
}

function control(child: ChildProcess, ready: { httpPort: number; mqttPort: number; db: string }, logs: () => { warnLines: number; firstLines: string[] }, exitWaitMs: number) {
  let nextId = 0;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  child.on('message', (m: { id: number; result?: unknown; error?: string }) => {
    const p = pending.get(m.id);
    pending.delete(m.id);
    if (m.error !== undefined) p?.reject(new Error(m.error));
    else p?.resolve(m.result);
  });
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const ask = <T>(cmd: Omit<SutCommand, 'id'> & { cmd: SutCommand['cmd'] }, timeoutMs = 120_000): Promise<T> => {
    const id = ++nextId;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => (pending.delete(id), reject(new Error(`SUT did not answer ${cmd.cmd} in ${timeoutMs} ms`))), timeoutMs);
      pending.set(id, { resolve: (v) => (clearTimeout(timer), resolve(v as T)), reject: (e) => (clearTimeout(timer), reject(e)) });
      child.send({ ...cmd, id });
    });
  };
  const pid = child.pid!;
  return {
    pid,
    httpUrl: `http://127.0.0.1:${ready.httpPort}`,
    mqttPort: ready.mqttPort,
    db: ready.db,
    logs,
    sample: (): ProcSample => sampleProc(pid),
    sql: <T = Record<string, unknown>>(text: string) => ask<T[]>({ cmd: 'sql', text } as SutCommand),
    gc: () => ask<NodeJS.MemoryUsage>({ cmd: 'gc' }),
    wake: () => ask<null>({ cmd: 'wake' }),
    publish: (o: { ratePerS: number; durationMs: number; bytes: number }) => ask<{ sent: number }>({ cmd: 'publish', ...o } as SutCommand),
    stats: () => ask<{ gateway: Record<string, unknown>; connected: number; memory: NodeJS.MemoryUsage }>({ cmd: 'stats' }),
    async stop(): Promise<void> {
      if (child.exitCode !== null) return;
      await ask({ cmd: 'stop' }, 30_000).catch(() => child.kill('SIGKILL'));
      await Promise.race([exited, new Promise((r) => setTimeout(r, exitWaitMs))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    },
    /** A crash: no shutdown, no flush. */
    async kill(): Promise<void> {
      child.kill('SIGKILL');
      await exited;
    },
  };
}
