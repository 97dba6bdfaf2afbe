/**
 * startSystem(options): the whole Dash in one process (all-in-one) or the HTTP server alone
 * (split). Used by main.ts and by the integration tests, which start it on port 0.
 */
import http from 'node:http';
import { getRequestListener } from '@hono/node-server';
import type { Logger } from 'pino';
import { createDbRegistry } from '../../gateway/src/devices/db-registry.ts';
import { createGateway, type Gateway } from '../../gateway/src/gateway.ts';
import { attachWebSocket, closeListener, listenMqtt, listenOn } from '../../gateway/src/listeners.ts';
import { shutdownStack } from './cli/shutdown-stack.ts';
import type { Config } from './config.ts';
import { openDatabase, type Database } from './db/client.ts';
import { migrateDatabase } from './db/migrate.ts';
import { DEFAULT_PRESS_RULES } from './domain/press-decision.ts';
import { EventBus } from './events/bus.ts';
import { parseTrustedProxies } from './http/client-address.ts';
import { createApp } from './http/app.ts';
import { startNotificationDispatcher, type NotificationDispatcher } from './notify/dispatcher.ts';
import { seedBaseline, type SeedResult } from './setup/seed.ts';
import { startScheduler, type Scheduler } from './jobs/scheduler.ts';
import { slaJobHandlers } from './sla/sla-jobs.ts';
import type { TicketDeps } from './tickets/deps.ts';
import { withDeviceEvents } from './devices/device-events.ts';
import { gatewayDownlink, notifyDownlink } from './devices/downlink.ts';
import type { ListenFacts } from './devices/endpoints.ts';
import { healthSweepHandler, scheduleSweep, SWEEP_KIND } from './devices/health-sweep.ts';
import { DEFAULT_HEALTH_RULES } from './domain/device-health.ts';
import { reportPresses } from './tickets/report-presses.ts';
import { VERSION } from './version.ts';

export type SystemOptions = { config: Config; mode: 'all-in-one' | 'server'; log: Logger; now?: () => Date };

export type System = {
  mode: SystemOptions['mode'];
  database: Database;
  gateway: Gateway | null;
  bus: EventBus;
  seed: SeedResult;
  httpPort: number;
  mqttPort: number | null;
  mqttsPort: number | null;
  notifications: NotificationDispatcher;
  scheduler: Scheduler;
  tickets: TicketDeps;
  stop(): Promise<void>;
};

export async function startSystem(opts: SystemOptions): Promise<System> {
  const { config, log } = opts;
  const now = opts.now ?? (() => new Date());
  const closers = shutdownStack(log);
  const stop = closers.stop;
  try {
    const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
    closers.push(() => database.close());
    await migrateDatabase(database);
    const seed = await seedBaseline(database.db, { email: config.ADMIN_EMAIL, password: config.ADMIN_PASSWORD });
    const bus = new EventBus();
    const rules = { ...DEFAULT_PRESS_RULES, rateLimitPerMinute: config.PRESS_RATE_LIMIT };
    let scheduler: Scheduler | null = null;
    const tickets: TicketDeps = {
      db: database.db, onPostgres: database.kind === 'postgres', bus, rules, now, downlink: null,
      confirmWindowMs: config.CONFIRM_WINDOW_MIN * 60_000, autoCloseMs: config.AUTO_CLOSE_HOURS * 3_600_000,
      wakeScheduler: () => scheduler?.wake(),
      log: log.child({ part: 'tickets' }),
    };

    let gateway: Gateway | null = null;
    if (opts.mode === 'all-in-one') {
      gateway = await createGateway({
        registry: withDeviceEvents(createDbRegistry(database.db), bus),
        intake: { reportPresses: (batch) => reportPresses(tickets, batch) },
        log: log.child({ part: 'gateway' }),
        now,
        telemetryFlushMs: config.TELEMETRY_FLUSH_MS,
      });
      closers.push(() => gateway!.close());
    }
    const downlink = gateway ? gatewayDownlink(gateway) : database.kind === 'postgres' ? notifyDownlink(database, log) : null;
    tickets.downlink = downlink;
    const g = gateway;
    const sweepMs = config.HEALTH_SWEEP_S * 1000;
    const healthRules = { ...DEFAULT_HEALTH_RULES, lostGraceMs: config.LOST_GRACE_MIN * 60_000 };
    await database.db.transaction((tx) => scheduleSweep(tx, tickets, sweepMs, now()));
    scheduler = await startScheduler({
      database, log: log.child({ part: 'scheduler' }), now,
      handlers: { ...slaJobHandlers(tickets), [SWEEP_KIND]: healthSweepHandler(tickets, healthRules, sweepMs) },
    });
    closers.push(() => scheduler!.stop());
    let listening: ListenFacts | null = null;
    const app = createApp({
      listenFacts: () => listening,
      database, bus, log: log.child({ part: 'http' }), rules, version: VERSION, now, tickets,
      gatewayToken: config.GATEWAY_TOKEN,
      secureCookies: config.PUBLIC_URL?.startsWith('https:') ?? false,
      trustedProxies: config.TRUSTED_PROXIES.length > 0 ? parseTrustedProxies(config.TRUSTED_PROXIES).list : null,
      ...(downlink && { kickDevice: (id: string) => downlink.kick(id) }),
      ...(g && {
        brokerStatus: () => (g.broker.closed ? 'down' : 'ok'),
        broker: { connectedClients: () => g.connectedClients, stats: () => g.stats },
      }),
    });
    const httpServer = http.createServer(getRequestListener(app.fetch));
    if (g) attachWebSocket(httpServer, g.handle);
    const httpPort = await listenOn(httpServer, config.HTTP_PORT, config.HOST, 'HTTP_PORT');
    closers.push(() => closeListener(httpServer));
    const notifications = startNotificationDispatcher({
      db: database.db, config, bus, log: log.child({ part: 'notify' }), now, publicUrl: config.PUBLIC_URL ?? `http://localhost:${httpPort}`,
    });
    closers.push(() => notifications.stop());

    const { mqttPort, mqttsPort } = g ? await listenMqtt(g, config, log, closers) : { mqttPort: null, mqttsPort: null };
    listening = { host: config.HOST, publicUrl: config.PUBLIC_URL, httpPort, mqttPort, mqttsPort };
    return { mode: opts.mode, database, gateway: g, bus, seed, httpPort, mqttPort, mqttsPort, scheduler, tickets, notifications, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
