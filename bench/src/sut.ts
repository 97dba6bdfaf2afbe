/**
 * The system under test in a process of its own, so the load generator's CPU never counts
 * as Dash's. Reads its settings from the environment (this is a bench entry point, like
 * main.ts is the product's), prints one `BENCH_READY {json}` line with its ports, and
 * answers a few commands over the IPC channel: run SQL (setup and checks), wake the job
 * scheduler, collect garbage (for RSS readings), report the gateway's counters, stop.
 */
import pino from 'pino';
import { loadConfig } from '../../server/src/config.ts';
import { startSystem } from '../../server/src/system.ts';

export type SutCommand =
  | { id: number; cmd: 'sql'; text: string }
  | { id: number; cmd: 'gc' | 'stats' | 'stop' | 'wake' }
  | { id: number; cmd: 'publish'; ratePerS: number; durationMs: number; bytes: number };

const loaded = loadConfig({
  HTTP_PORT: '0', MQTT_PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn',
  ADMIN_EMAIL: 'bench@dash.test', ADMIN_PASSWORD: 'bench-pass-123', PRESS_RATE_LIMIT: '1000000',
  ...Object.fromEntries(Object.entries(process.env).filter(([k]) => k.startsWith('DASH_')).map(([k, v]) => [k.slice(5), v])),
}, 'all-in-one');
if (!loaded.ok) {
  console.error(loaded.problems.join('\n'));
  process.exit(1);
}
const log = pino({ level: loaded.config.LOG_LEVEL }, pino.destination(2));
const system = await startSystem({ config: loaded.config, log, mode: 'all-in-one' });
const { database } = system;

async function runSql(text: string): Promise<unknown[]> {
  if (database.client.kind === 'postgres') return [...(await database.client.sql.unsafe(text))];
  const results = await database.client.pglite.exec(text);
  return results.at(-1)?.rows ?? [];
}

async function answer(m: SutCommand): Promise<unknown> {
  switch (m.cmd) {
    case 'sql':
      return runSql(m.text);
    case 'gc':
      (globalThis as { gc?: () => void }).gc?.();
      return process.memoryUsage();
    case 'wake':
      // What the product's verbs do after scheduling a job in-process (TicketDeps.wakeScheduler).
      system.scheduler.wake();
      return null;
    case 'publish':
      return publishSynthetic(m);
    case 'stats':
      return { gateway: system.gateway?.stats, connected: system.gateway?.connectedClients, memory: process.memoryUsage() };
    case 'stop':
      await system.stop();
      setImmediate(() => process.exit(0)); // after the answer is sent; --cpu-prof writes its profile on exit
      return null;
  }
}

/**
 * Synthetic board events at a fixed rate, published on the bus as the press path publishes
 * merges (`ticket.merged`, which wakes nothing else), each stamped with its intended time:
 * the board stream's own cost, without the presses behind it (the fan-out phase of w-sse.ts).
 */
async function publishSynthetic(m: { ratePerS: number; durationMs: number; bytes: number }): Promise<{ sent: number }> {
  const filler = 'x'.repeat(Math.max(0, m.bytes - 160));
  const start = performance.now();
  const wallStart = Date.now();
  let sent = 0;
  const total = Math.floor((m.ratePerS * m.durationMs) / 1000);
  while (sent < total) {
    const due = Math.floor(((performance.now() - start) * m.ratePerS) / 1000);
    for (; sent < Math.min(due, total); sent++) {
      const intended = wallStart + Math.floor((sent * 1000) / m.ratePerS);
      system.bus.publish('ticket.merged', { ticket: { id: `synthetic-${sent}`, lastPressAt: new Date(intended).toISOString(), filler } });
    }
    await new Promise((r) => setTimeout(r, 2));
  }
  return { sent };
}

process.on('message', (m: SutCommand) => {
  answer(m).then(
    (result) => process.send?.({ id: m.id, result }),
    (err: Error) => process.send?.({ id: m.id, error: err.message }),
  );
});
process.on('disconnect', () => void system.stop().finally(() => process.exit(0)));
console.log(`BENCH_READY ${JSON.stringify({ httpPort: system.httpPort, mqttPort: system.mqttPort, db: database.kind })}`);
