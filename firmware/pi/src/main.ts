/**
 * The Pi panel program: `tsx firmware/pi/src/main.ts /etc/dash-button/config.json`.
 * Exits 1 with every config problem listed; stops cleanly on SIGTERM (systemd) and SIGINT.
 */
import pino from 'pino';
import { loadPiConfig } from './config.ts';
import { createIoPlugin } from './io/create-io.ts';
import { createJohnnyFiveIo } from './io/johnny-five-io.ts';
import { startPanel } from './panel.ts';

const log = pino({ name: 'dash-pi', level: process.env.LOG_LEVEL ?? 'info' }, pino.destination(1));
const path = process.argv[2] ?? '/etc/dash-button/config.json';
const loaded = loadPiConfig(path);
if (!loaded.ok) {
  console.error(`dash-pi: ${path} has problems:\n${loaded.problems.map((p) => `  - ${p}`).join('\n')}`);
  process.exit(1);
}
const { config } = loaded;

try {
  const { io, wiring } = await createIoPlugin(config, (message) => log.warn({ io: config.io.kind }, message));
  const panel = startPanel({ config, io: await createJohnnyFiveIo(io, wiring), log });
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal, pending: panel.outbox.size }, 'stopping');
    await panel.stop();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
} catch (err) {
  console.error(`dash-pi: ${(err as Error).message}`);
  process.exit(1);
}
