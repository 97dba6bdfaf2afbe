/**
 * `npm run sim`: the composition root. The only simulator file that reads process.env and
 * process.argv; everything else gets its options passed in.
 */
import { HELP, parseSimArgs } from './args.ts';
import { createConsoleLog } from './log.ts';
import { runSimulation } from './simulation.ts';

async function main(): Promise<number> {
  const { DASH_ADMIN_EMAIL, DASH_ADMIN_PASSWORD, HTTP_PORT, MQTT_PORT } = process.env;
  const parsed = parseSimArgs(process.argv.slice(2), { DASH_ADMIN_EMAIL, DASH_ADMIN_PASSWORD, HTTP_PORT, MQTT_PORT });
  if (parsed.kind === 'help') {
    console.log(HELP);
    return 0;
  }
  if (parsed.kind === 'invalid') {
    console.error(`sim: invalid arguments\n${parsed.problems.map((p) => `  ${p}`).join('\n')}\n\nRun with --help for usage.`);
    return 2;
  }
  const { args } = parsed;
  const log = createConsoleLog({ verbose: args.verbose });
  const sim = await runSimulation({ ...args, log });
  const onSignal = () => void sim.stop();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  await sim.finished;
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`sim: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
