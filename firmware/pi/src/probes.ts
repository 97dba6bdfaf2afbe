/**
 * Checks of the equipment a panel watches (a receipt printer, a card terminal), reported in
 * telemetry `extra.probes` so each ticket carries the equipment's state at press time (design §3).
 */
import { execFile } from 'node:child_process';
import net from 'node:net';
import { performance } from 'node:perf_hooks';
import { z } from 'zod';

const Name = z.string().regex(/^[A-Za-z0-9_-]{1,32}$/, 'probe name: 1–32 of A-Z a-z 0-9 _ -');
const Timeout = z.number().int().min(100).max(30_000).default(2000);

export const Probe = z.discriminatedUnion('kind', [
  z.strictObject({ name: Name, kind: z.literal('tcp'), host: z.string().min(1), port: z.number().int().min(1).max(65535), timeoutMs: Timeout }),
  z.strictObject({ name: Name, kind: z.literal('http'), url: z.url({ protocol: /^https?$/ }), expectStatus: z.number().int().min(100).max(599).optional(), timeoutMs: Timeout }),
  z.strictObject({ name: Name, kind: z.literal('ping'), host: z.string().min(1), timeoutMs: Timeout }),
]);
export type Probe = z.infer<typeof Probe>;

export type ProbeResult = { ok: boolean; ms: number; status?: number; error?: string };

function tcpCheck(host: string, port: number, timeoutMs: number): Promise<string | null> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (error: string | null) => {
      socket.destroy();
      resolve(error);
    };
    socket.setTimeout(timeoutMs, () => done('timeout'));
    socket.once('connect', () => done(null));
    socket.once('error', (err: NodeJS.ErrnoException) => done(err.code ?? err.message));
  });
}

// ping needs raw sockets; the system's setuid/capability ping has them, Node does not.
function pingCheck(host: string, timeoutMs: number): Promise<string | null> {
  const seconds = String(Math.max(1, Math.ceil(timeoutMs / 1000)));
  return new Promise((resolve) => {
    execFile('ping', ['-c', '1', '-W', seconds, host], { timeout: timeoutMs + 1000 }, (err) => {
      resolve(err ? ((err as NodeJS.ErrnoException).code === 'ENOENT' ? 'ping not installed' : 'no reply') : null);
    });
  });
}

export async function runProbe(probe: Probe): Promise<ProbeResult> {
  const started = performance.now();
  const ms = () => Math.round(performance.now() - started);
  if (probe.kind === 'tcp') {
    const error = await tcpCheck(probe.host, probe.port, probe.timeoutMs);
    return error ? { ok: false, ms: ms(), error } : { ok: true, ms: ms() };
  }
  if (probe.kind === 'ping') {
    const error = await pingCheck(probe.host, probe.timeoutMs);
    return error ? { ok: false, ms: ms(), error } : { ok: true, ms: ms() };
  }
  try {
    const res = await fetch(probe.url, { signal: AbortSignal.timeout(probe.timeoutMs), redirect: 'manual' });
    await res.body?.cancel();
    const ok = probe.expectStatus === undefined ? res.status < 400 : res.status === probe.expectStatus;
    return { ok, ms: ms(), status: res.status };
  } catch (err) {
    const error = (err as Error).name === 'TimeoutError' ? 'timeout' : ((err as { cause?: { code?: string } }).cause?.code ?? (err as Error).message);
    return { ok: false, ms: ms(), error };
  }
}

/** All probes at once; one slow device cannot delay the others past its own timeout. */
export async function runProbes(probes: readonly Probe[]): Promise<Record<string, ProbeResult>> {
  const results = await Promise.all(probes.map(async (p) => [p.name, await runProbe(p)] as const));
  return Object.fromEntries(results);
}
