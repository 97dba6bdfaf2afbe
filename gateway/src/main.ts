/** Composition root of a split-mode gateway (`npm run gateway`). */
import { run } from '../../server/src/cli/run.ts';
import { VERSION } from '../../server/src/version.ts';
import { startGateway } from './start-gateway.ts';

await run('gateway', process.env, (config, log) => startGateway(config, log), (g) => [
  `Dash gateway ${VERSION} is running (split mode; presses go to ${g.serverUrl})`,
  `  Devices    mqtt://<this host>:${g.mqttPort}${g.mqttsPort === null ? '' : `  mqtts://<this host>:${g.mqttsPort}`}`,
  `             ws://<this host>:${g.wsPort}/mqtt (MQTT over WebSocket)`,
].join('\n'));
