/**
 * The panel's MQTT session (design §2): identity, LWT `lost` (retained), `$state ready` on
 * each connect, downlink subscriptions, and presses sent QoS 1 and resent until their `ack`.
 * MQTT.js reconnects at a fixed period; we reconnect ourselves with jittered backoff so a
 * shop's panels do not return in step after an outage (stack-facts).
 */
import mqtt, { type MqttClient } from 'mqtt';
import type { Logger } from 'pino';
import {
  TOPICS, encodePayload, parseTopic, topicFor,
  type AckPayload, type ConfigPayload, type LedSetPayload, type TelemetryPayload,
} from '../../../gateway/src/mqtt/contract.ts';
import { backoffDelay, type BackoffPolicy } from '../../shared/backoff.ts';
import type { Outbox, PendingPress } from './outbox.ts';
import { pressPayloadFor } from './press-payload.ts';

export type Downlink = { kind: 'ack'; value: AckPayload } | { kind: 'led/set'; value: LedSetPayload } | { kind: 'config'; value: ConfigPayload };

export type SessionDeps = {
  deviceId: string;
  secret: string;
  brokerUrl: string;
  ca?: Buffer;
  ackTimeoutMs: number;
  reconnect?: BackoffPolicy;
  outbox: Outbox;
  log: Logger;
  mono(): number;
  random(): number;
  onDownlink(downlink: Downlink): void;
};

export class Session {
  private readonly client: MqttClient;
  private attempt = 0;
  private reconnectTimer: NodeJS.Timeout | null = null;
  private readonly resendTimer: NodeJS.Timeout;
  private stopping = false;

  constructor(private readonly deps: SessionDeps) {
    const { deviceId } = deps;
    this.client = mqtt.connect(deps.brokerUrl, {
      clientId: deviceId, username: deviceId, password: deps.secret, protocolVersion: 4, clean: true,
      reconnectPeriod: 0, connectTimeout: 10_000, ...(deps.ca && { ca: deps.ca }),
      will: { topic: topicFor(deviceId, '$state'), payload: encodePayload('$state', 'lost'), qos: 1, retain: true },
    });
    this.client.on('connect', () => void this.onConnect());
    this.client.on('close', () => this.scheduleReconnect());
    this.client.on('error', (err) => deps.log.warn({ err: err.message }, 'mqtt error'));
    this.client.on('message', (topic, payload) => this.onMessage(topic, payload));
    this.resendTimer = setInterval(() => this.resendUnacked(), Math.max(250, deps.ackTimeoutMs / 4));
  }

  get connected(): boolean {
    return this.client.connected;
  }

  /** Publishes now if connected; otherwise the press goes out on the next connect. */
  sendPress(press: PendingPress): void {
    const { outbox, mono, log } = this.deps;
    if (!this.client.connected) return outbox.markDeferred(press.pressId);
    const payload = encodePayload('press', pressPayloadFor(press, mono()));
    outbox.markSent(press.pressId, mono());
    this.client.publish(topicFor(this.deps.deviceId, 'press'), payload, { qos: 1 }, (err) => {
      if (err) log.info({ pressId: press.pressId, err: err.message }, 'press not confirmed; it stays in the outbox');
    });
  }

  publishTelemetry(telemetry: TelemetryPayload): void {
    if (!this.client.connected) return;
    this.client.publish(topicFor(this.deps.deviceId, 'telemetry'), encodePayload('telemetry', telemetry), { qos: TOPICS.telemetry.qos });
  }

  /** Graceful stop: a mains panel that stops is gone, so it says `lost` itself (no LWT then). */
  async stop(): Promise<void> {
    this.stopping = true;
    clearInterval(this.resendTimer);
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    if (this.client.connected) {
      await this.client.publishAsync(topicFor(this.deps.deviceId, '$state'), encodePayload('$state', 'lost'), { qos: 1, retain: true }).catch(() => {});
    }
    await this.client.endAsync();
  }

  private async onConnect(): Promise<void> {
    const { deviceId, log, outbox } = this.deps;
    this.attempt = 0;
    log.info({ pending: outbox.size }, 'connected');
    try {
      await this.client.subscribeAsync((['ack', 'led/set', 'config'] as const).map((k) => topicFor(deviceId, k)), { qos: 1 });
      await this.client.publishAsync(topicFor(deviceId, '$state'), encodePayload('$state', 'ready'), { qos: 1, retain: true });
    } catch (err) {
      log.warn({ err: (err as Error).message }, 'session setup failed; reconnecting');
      return;
    }
    for (const press of outbox.pending()) this.sendPress(press);
  }

  private scheduleReconnect(): void {
    if (this.stopping || this.reconnectTimer) return;
    const delay = backoffDelay(this.attempt++, this.deps.random(), this.deps.reconnect);
    this.deps.log.info({ delayMs: delay, pending: this.deps.outbox.size }, 'disconnected; reconnecting');
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      if (!this.stopping) this.client.reconnect();
    }, delay);
  }

  private resendUnacked(): void {
    const now = this.deps.mono();
    for (const press of this.deps.outbox.pending()) {
      if (press.lastSentMono === undefined || now - press.lastSentMono >= this.deps.ackTimeoutMs) this.sendPress(press);
    }
  }

  private onMessage(topic: string, payload: Buffer): void {
    const parsed = parseTopic(topic);
    if (!parsed || parsed.deviceId !== this.deps.deviceId || TOPICS[parsed.kind].dir !== 'down') return;
    let raw: unknown;
    try {
      raw = JSON.parse(payload.toString('utf8'));
    } catch {
      raw = undefined;
    }
    const decoded = TOPICS[parsed.kind].schema.safeParse(raw);
    if (!decoded.success) {
      this.deps.log.warn({ topic, issues: decoded.error.issues.map((i) => i.message) }, 'ignoring an off-contract downlink');
      return;
    }
    this.deps.onDownlink({ kind: parsed.kind, value: decoded.data } as Downlink);
  }
}
