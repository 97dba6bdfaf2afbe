/**
 * One MQTT connection of one device, as the contract wants it (design §2): MQTT 3.1.1,
 * clientId = username = device id, LWT `lost`, `init` → subscribe → `ready`.
 * A link never reconnects by itself: MQTT.js' fixed `reconnectPeriod` has no jitter, and a
 * fresh client per attempt means no hidden in-memory resends — the app outbox owns those.
 */
import mqtt, { type IClientOptions, type MqttClient } from 'mqtt';
import {
  encodePayload, parseTopic, TOPICS, topicFor, type DeviceState, type DownTopicKind, type TopicPayload,
} from '../../../gateway/src/mqtt/contract.ts';

export type Downlink = { [K in DownTopicKind]: { kind: K; value: TopicPayload<K> } }[DownTopicKind];
export type LinkDown = { authRefused: boolean; error: Error | undefined };
export type LinkEvents = {
  up(): void;
  /** Called exactly once per link, whether it ever came up or not. */
  down(reason: LinkDown): void;
  message(message: Downlink): void;
  /** Something the device can only log: an unusable downlink, a refused subscription. */
  problem(problem: string, topic: string): void;
};

const DOWNLINKS: readonly DownTopicKind[] = ['ack', 'led/set', 'config'];
/** CONNACK 4 (bad user name or password) and 5 (not authorized) [MQTT-3.2.2.3]. */
export const AUTH_REFUSED_CODES: readonly number[] = [4, 5];

export function linkOptions(deviceId: string, password: string): IClientOptions {
  return {
    clientId: deviceId, username: deviceId, password, protocolVersion: 4, clean: true,
    reconnectPeriod: 0, connectTimeout: 10_000, keepalive: 30,
    will: { topic: topicFor(deviceId, '$state'), payload: encodePayload('$state', 'lost'), qos: 1, retain: true },
  };
}

export function openLink(url: string, deviceId: string, password: string, on: LinkEvents): MqttClient {
  const client = mqtt.connect(url, linkOptions(deviceId, password));
  let authRefused = false;
  let lastError: Error | undefined;
  let closed = false;
  const publishState = (state: DeviceState) =>
    client.publish(topicFor(deviceId, '$state'), encodePayload('$state', state), { qos: 1, retain: true });

  client.on('connect', () => {
    publishState('init');
    const topics = Object.fromEntries(DOWNLINKS.map((kind) => [topicFor(deviceId, kind), { qos: 1 as const }]));
    // `ready`, and the outbox flush behind `up`, wait for the SUBACK: with a clean session an
    // ack published before the subscription exists would be lost.
    // A refused subscription is logged, not fatal: presses still count, their acks never come.
    client.subscribe(topics, (error) => {
      if (error) on.problem(`subscribe refused: ${error.message}`, Object.keys(topics).join(' '));
      publishState('ready');
      on.up();
    });
  });
  client.on('error', (error) => {
    lastError = error;
    if (AUTH_REFUSED_CODES.includes((error as { code?: number }).code ?? -1)) authRefused = true;
  });
  client.on('close', () => {
    if (closed) return;
    closed = true;
    client.end(true);
    on.down({ authRefused, error: lastError });
  });
  client.on('message', (topic, payload) => {
    const parsed = parseTopic(topic);
    const decoded = parsed?.deviceId === deviceId ? decodeDownlink(parsed.kind, payload) : "not this device's topic";
    if (typeof decoded === 'string') on.problem(decoded, topic);
    else on.message(decoded);
  });
  return client;
}

/** A downlink parsed with the contract's schema, or the reason it is unusable. */
export function decodeDownlink(kind: string, payload: Uint8Array): Downlink | string {
  if (!(DOWNLINKS as readonly string[]).includes(kind)) return `unexpected topic kind "${kind}"`;
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(payload).toString('utf8'));
  } catch {
    return 'payload is not JSON';
  }
  const parsed = TOPICS[kind as DownTopicKind].schema.safeParse(raw);
  if (!parsed.success) return parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
  return { kind, value: parsed.data } as Downlink;
}

/** Ends a link; graceful sends DISCONNECT (no LWT), bounded so a dead socket cannot hang stop. */
export async function closeLink(client: MqttClient, graceful: boolean): Promise<void> {
  const ended = client.endAsync(!graceful).catch(() => undefined);
  const timeout = new Promise<void>((resolve) => setTimeout(resolve, 2_000).unref());
  await Promise.race([ended, timeout]);
  if (!client.disconnected) client.end(true);
}

