/** Runs Dash as users do (`tsx server/src/main.ts`) in a child process, for restart and exit tests. */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { waitFor } from './device.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export type DashProcess = {
  proc: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
  /** Resolves the HTTP and MQTT ports from the start banner. */
  started(timeoutMs?: number): Promise<{ httpUrl: string; mqttUrl: string }>;
};

export function spawnDash(env: Record<string, string>, args: string[] = []): DashProcess {
  // `node --import tsx` as `npm start` does: one process, so a signal reaches Dash itself.
  const proc = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts', ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', HOST: '127.0.0.1', HTTP_PORT: '0', MQTT_PORT: '0', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  proc.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  return {
    proc, exited, output: () => out,
    async started(timeoutMs = 30_000) {
      return waitFor(() => {
        if (proc.exitCode !== null) throw new Error(`Dash exited with ${proc.exitCode}:\n${out}`);
        const http = /Dashboard\s+http:\/\/[^:]+:(\d+)\//.exec(out)?.[1];
        const mqtt = /mqtt:\/\/localhost:(\d+)|mqtt:\/\/127\.0\.0\.1:(\d+)/.exec(out);
        const mqttPort = mqtt?.[1] ?? mqtt?.[2];
        return http && mqttPort ? { httpUrl: `http://127.0.0.1:${http}`, mqttUrl: `mqtt://127.0.0.1:${mqttPort}` } : undefined;
      }, timeoutMs, 'the start banner');
    },
  };
}
