/**
 * The split-mode gateway: the broker with its own listeners, devices checked against the
 * shared PostgreSQL, presses committed through the server's intake API (design §1).
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { Logger } from 'pino';
import type { Config } from '../../server/src/config.ts';
import { openDatabase } from '../../server/src/db/client.ts';
import { migrateDatabase } from '../../server/src/db/migrate.ts';
import { listenForDownlinks } from '../../server/src/devices/downlink.ts';
import { createDbRegistry } from './devices/db-registry.ts';
import { createGateway } from './gateway.ts';
import { createHttpIntake } from './intake/http-intake.ts';
import { attachWebSocket, closeListener, createTcpListener, createTlsListener, listenOn } from './listeners.ts';

export type GatewayProcess = { mqttPort: number; mqttsPort: number | null; wsPort: number; serverUrl: string; stop(): Promise<void> };

export async function startGateway(config: Config, log: Logger): Promise<GatewayProcess> {
  const closers: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const close of closers.reverse()) await close().catch((err: Error) => log.warn({ err: err.message }, 'shutdown step failed'));
  };
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
    const tcp = createTcpListener(gateway.handle, log, gateway.oversize);
    const mqttPort = await listenOn(tcp, config.MQTT_PORT, config.HOST, 'MQTT_PORT');
    closers.push(() => closeListener(tcp));
    let mqttsPort: number | null = null;
    if (config.MQTTS_PORT !== undefined && config.TLS_CERT && config.TLS_KEY) {
      const tlsServer = createTlsListener(gateway.handle, log, gateway.oversize, readFileSync(config.TLS_CERT), readFileSync(config.TLS_KEY));
      mqttsPort = await listenOn(tlsServer, config.MQTTS_PORT, config.HOST, 'MQTTS_PORT');
      closers.push(() => closeListener(tlsServer));
    }
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
