import type { Logger } from 'pino';
import type { DeviceRegistry } from './devices/registry.ts';
import type { TelemetryWriter } from './devices/telemetry-writer.ts';
import type { DownTopicKind, TopicPayload } from './mqtt/contract.ts';
import type { PressBatcher } from './press-batcher.ts';

/** Counters a device's misbehaviour and the gateway's work show up in (logs say which device). */
export type GatewayStats = {
  connects: number;
  refusedConnects: number;
  presses: number;
  pressErrors: number;
  rejected: Record<string, number>;
  deniedPublishes: number;
  deniedSubscribes: number;
  oversizeDisconnects: number;
  telemetry: number;
};

export function newStats(): GatewayStats {
  return { connects: 0, refusedConnects: 0, presses: 0, pressErrors: 0, rejected: {}, deniedPublishes: 0, deniedSubscribes: 0, oversizeDisconnects: 0, telemetry: 0 };
}

export type GatewayContext = {
  log: Logger;
  stats: GatewayStats;
  registry: DeviceRegistry;
  telemetry: TelemetryWriter;
  batcher: PressBatcher;
  now: () => Date;
  sendDown<K extends DownTopicKind>(deviceId: string, kind: K, payload: TopicPayload<K>): void;
};
