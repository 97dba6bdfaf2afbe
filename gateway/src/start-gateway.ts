/**
 * The split-mode gateway: the broker with its own listeners, devices checked against the
 * shared PostgreSQL, presses committed through the server's intake API (design §1).
 */
import http from 'node:http';
import type { Logger } from 'pino';
import { shutdownStack } from '../../server/src/cli/shutdown-stack.ts';
import type { Config } from '../../server/src/config.ts';
import { openDatabase } from '../../server/src/db/client.ts';
import { migrateDatabase } from '../../server/src/db/migrate.ts';
import { listenForDownlinks } from '../../server/src/devices/downlink.ts';
import { createDbRegistry } from './devices/db-registry.ts';
import { createGateway } from './gateway.ts';
import { createHttpIntake } from './intake/http-intake.ts';
import { attachWebSocket, closeListener, listenMqtt, listenOn } from './listeners.ts';

export type GatewayProcess = { mqttPort: number; mqttsPort: number | null; wsPort: number; serverUrl: string; stop(): Promise<void> };

export async function startGateway(config: Config, log: Logger): Promise<GatewayProcess> {
  const closers = shutdownStack(log);
  const stop = closers.stop;
  try {
    const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR, poolSize: 4 });
    closers.push(() => database.close());
    await migrateDatabase(database); // whichever process starts first brings the schema up to date
    const gateway = await createGateway({
      registry: createDbRegistry(database.db),
      intake: createHttpIntake(config.SERVER_URL!, config.GATEWAY_TOKEN!),
      log,
      telemetryFlushMs: config.TELEMETRY_FLUSH_MS,
    });
    closers.push(() => gateway.close());
    closers.push(await listenForDownlinks(config.DATABASE_URL!, gateway, log));
    const { mqttPort, mqttsPort } = await listenMqtt(gateway, config, log, closers);
    const wsServer = http.createServer((_req, res) => res.writeHead(426, { 'content-type': 'text/plain' }).end('MQTT over WebSocket is at /mqtt\n'));
    attachWebSocket(wsServer, gateway.handle);
    const wsPort = await listenOn(wsServer, config.MQTT_WS_PORT, config.HOST, 'MQTT_WS_PORT');
    closers.push(() => closeListener(wsServer));
    return { mqttPort, mqttsPort, wsPort, serverUrl: config.SERVER_URL!, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
