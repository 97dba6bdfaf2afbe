/** Shared start-up for the entry points: config, logger, start, banner, signals, exit codes. */
import pino, { type Logger } from 'pino';
import { loadConfig, type Config, type Role } from '../config.ts';
import { AppError } from '../errors.ts';
import { PortInUseError } from '../../../gateway/src/listeners.ts';
import { VERSION } from '../version.ts';

type Stoppable = { stop(): Promise<void> };

export async function run<S extends Stoppable>(
  role: Role, env: Record<string, string | undefined>, start: (config: Config, log: Logger) => Promise<S>, describe: (s: S, c: Config) => string,
): Promise<void> {
  const loaded = loadConfig(env, role);
  if (!loaded.ok) {
    console.error(`Dash cannot start: the configuration has ${loaded.problems.length} problem(s):\n${loaded.problems.map((p) => `  - ${p}`).join('\n')}`);
    process.exit(1);
  }
  const config = loaded.config;
  const log = pino({ level: config.LOG_LEVEL, base: { role } });
  let system: S;
  try {
    system = await start(config, log);
  } catch (err) {
    const known = err instanceof PortInUseError || err instanceof AppError;
    console.error(`Dash cannot start: ${known ? (err as Error).message : (err as Error).stack}`);
    process.exit(1);
  }
  console.log(describe(system, config));
  log.info({ version: VERSION }, 'started');

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) {
      console.error('second signal: exiting now');
      process.exit(1);
    }
    stopping = true;
    log.info({ signal }, 'shutting down');
    await system.stop();
    log.info('stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}
