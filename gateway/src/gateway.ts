/** createGateway(deps): the Aedes broker with the device contract's hooks and handlers. */
import { Aedes } from 'aedes';
import type { Logger } from 'pino';
import type { GatewayContext } from './context.ts';
import { newStats } from './context.ts';
import type { DeviceRegistry } from './devices/registry.ts';
import { TelemetryWriter } from './devices/telemetry-writer.ts';
import type { TicketIntake } from './intake/ticket-intake.ts';
import type { DownTopicKind, TopicPayload } from './mqtt/contract.ts';
import { encodePayload, TOPICS, topicFor } from './mqtt/contract.ts';
import { authenticate, authorizePublish, authorizeSubscribe } from './mqtt/hooks.ts';
import { PressBatcher } from './press-batcher.ts';

export type GatewayDeps = {
  registry: DeviceRegistry;
  intake: TicketIntake;
  log: Logger;
  now?: () => Date;
  telemetryFlushMs?: number;
};

export type Gateway = Awaited<ReturnType<typeof createGateway>>;

export async function createGateway(deps: GatewayDeps) {
  const log = deps.log;
  let broker: Aedes | null = null;
  const ctx: GatewayContext = {
    log,
    stats: newStats(),
    registry: deps.registry,
    telemetry: new TelemetryWriter(deps.registry, log, deps.telemetryFlushMs ?? 1000),
    batcher: new PressBatcher(deps.intake),
    now: deps.now ?? (() => new Date()),
    sendDown(deviceId, kind, payload) {
      sendDown(deviceId, kind, payload);
    },
  };

  function sendDown<K extends DownTopicKind>(deviceId: string, kind: K, payload: TopicPayload<K>): void {
    const spec = TOPICS[kind];
    broker?.publish({ cmd: 'publish', topic: topicFor(deviceId, kind), payload: encodePayload(kind, payload), qos: spec.qos, retain: spec.retain, dup: false }, (err) => {
      if (err) log.warn({ deviceId, kind, err: err.message }, 'downlink publish failed');
    });
  }

  broker = await Aedes.createBroker({
    id: 'dash-gateway',
    maxClientsIdLength: 64, // device ids are up to 64 characters (design §2)
    drainTimeout: 10_000, // one frozen subscriber must not hold the broker
    connectTimeout: 10_000,
    authenticate: authenticate(ctx),
    authorizePublish: authorizePublish(ctx),
    authorizeSubscribe: authorizeSubscribe(ctx),
  });
  broker.on('client', (client) => {
    log.debug({ deviceId: client.id }, 'device connected');
    ctx.telemetry.record(client.id, {}, ctx.now());
  });
  broker.on('clientDisconnect', (client) => log.debug({ deviceId: client.id }, 'device disconnected'));
  broker.on('clientError', (client, err) => log.info({ deviceId: client.id, err: err.message }, 'device connection error'));
  broker.on('connectionError', (_client, err) => log.debug({ err: err.message }, 'connection error before CONNECT'));

  const b = broker;
  return {
    broker: b,
    stats: ctx.stats,
    handle: b.handle,
    sendDown,
    get connectedClients() {
      return b.connectedClients;
    },
    oversize: () => ctx.stats.oversizeDisconnects++,
    /** Drops a device's connection now (disabled, deleted, secret rotated); it must authenticate again. */
    disconnect(deviceId: string): void {
      (b as unknown as { clients: Record<string, { close(): void } | undefined> }).clients[deviceId]?.close();
    },
    /** Stop taking packets, write pending telemetry, close the broker. */
    async close(): Promise<void> {
      await new Promise<void>((resolve) => b.close(() => resolve()));
      await ctx.telemetry.flushAll();
    },
  };
}
