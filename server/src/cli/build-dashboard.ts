/**
 * `npm run build:dashboard`, and the `prepare` step of `npm install`. On install a failed build
 * only warns (`--lenient`): the install must not fail for it, and `npm start` tries again.
 */
import { buildDashboard } from './dashboard-bundle.ts';

const result = buildDashboard();
if (result.ok) {
  console.log(`Dashboard built in ${(result.ms / 1000).toFixed(1)} s (dashboard/dist).`);
} else {
  console.error(`The dashboard could not be built:\n${result.output}`);
  process.exitCode = process.argv.includes('--lenient') ? 0 : 1;
}
