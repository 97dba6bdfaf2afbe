/**
 * Composition root of the server. `npm start`: all-in-one (broker, HTTP, dashboard, embedded
 * database by default). `npm run server` (`--split`): the HTTP server alone, for split mode.
 */
import { banner } from './cli/banner.ts';
import { ensureDashboardBundle } from './cli/dashboard-bundle.ts';
import { run } from './cli/run.ts';
import { startSystem } from './system.ts';
import { VERSION } from './version.ts';

const split = process.argv.includes('--split');
await run(
  split ? 'server' : 'all-in-one',
  process.env,
  (config, log) => (ensureDashboardBundle(), startSystem({ config, log, mode: split ? 'server' : 'all-in-one' })),
  (system, config) => banner(system, config, VERSION),
);
