/**
 * One simulated dash button: presses on a Poisson clock go into its outbox and are resent
 * until the app-level ack; telemetry flows while connected. Staying connected is
 * DeviceConnection's job.
 */
import { encodePayload, TOPICS, topicFor, type AckPayload, type PressAction } from '../../../gateway/src/mqtt/contract.ts';
import {
  choosePress, initialVitals, nextPressDelayMs, nextTelemetryDelayMs, nextVitals, retryDelayMs, telemetryPayload, type DeviceVitals,
} from './behaviour.ts';
import { DeviceConnection, type CredentialSource } from './device-connection.ts';
import type { Downlink } from './link.ts';
import type { Log } from './log.ts';
import { actOut } from './misbehave-acts.ts';
import { chooseMisbehaviour, MISBEHAVE_SHARE } from './misbehaviour.ts';
import { pressPayload, type Outbox, type OutboxEntry } from './outbox.ts';
import { createRng, deriveSeed, type Rng } from './random.ts';
import type { SimStats } from './stats.ts';

const FLUSH_EVERY_MS = 500;

export type DeviceOptions = {
  id: string; peerId: string; bootId: string; seed: number; mqttUrl: string; ratePerMin: number; misbehave: boolean;
  outbox: Outbox; stats: SimStats; log: Log; credentials: CredentialSource; now?: () => number;
};

export class SimDevice {
  /** Set whenever the outbox changes; the simulation persists it and clears the flag. */
  outboxDirty = false;
  readonly id: string;
  readonly outbox: Outbox;
  readonly connection: DeviceConnection;
  readonly #o: DeviceOptions;
  readonly #now: () => number;
  // Separate streams, so network luck (reconnects, telemetry while up) never shifts the presses.
  readonly #pressRng: Rng;
  readonly #telemetryRng: Rng;
  readonly #retryRng: Rng;
  #vitals: DeviceVitals;
  #buttons: number[] = [0, 1, 2];
  #seq = 0;
  #badSeq = 0;
  #bootAt = 0;
  #timers: Record<'press' | 'telemetry' | 'flush', NodeJS.Timeout | undefined> = { press: undefined, telemetry: undefined, flush: undefined };

  constructor(options: DeviceOptions) {
    this.#o = options;
    this.id = options.id;
    this.outbox = options.outbox;
    this.#now = options.now ?? Date.now;
    this.#pressRng = createRng(deriveSeed(options.seed, 0));
    this.#telemetryRng = createRng(deriveSeed(options.seed, 1));
    this.#retryRng = createRng(deriveSeed(options.seed, 3));
    this.#vitals = initialVitals(this.#telemetryRng);
    const { id, mqttUrl, credentials, stats, log } = options;
    this.connection = new DeviceConnection(
      { id, mqttUrl, credentials, stats, log, rng: createRng(deriveSeed(options.seed, 2)), now: this.#now },
      { up: () => this.#onUp(), down: () => clearTimeout(this.#timers.telemetry), message: (m) => this.#onDownlink(m) },
    );
  }

  start(): void {
    this.#bootAt = this.#now();
    this.#schedulePress();
    this.#timers.flush = setInterval(() => this.#flush(), FLUSH_EVERY_MS);
    this.connection.start();
  }

  async stop(): Promise<void> {
    for (const timer of Object.values(this.#timers)) clearTimeout(timer);
    await this.connection.stop();
  }

  #onUp(): void {
    this.#o.log.info({ device: this.id, backlog: this.outbox.size || undefined }, 'connected');
    this.outbox.expediteAll(this.#now());
    this.#flush();
    this.#sendTelemetry();
  }

  #onDownlink(message: Downlink): void {
    if (message.kind === 'ack') return this.#onAck(message.value);
    if (message.kind === 'config' && message.value.buttons.length > 0) {
      // Press only the buttons the server has configured, as a real device would.
      this.#buttons = message.value.buttons.map((b) => b.button);
    }
    this.#o.log.debug({ device: this.id, ...message.value }, message.kind);
  }

  #onAck(ack: AckPayload): void {
    const entry = this.outbox.settle(ack.pressId);
    if (entry) this.outboxDirty = true;
    const latencyMs = entry?.firstSentAt === undefined ? undefined : this.#now() - entry.firstSentAt;
    this.#o.stats.recordAck(ack.outcome, entry !== undefined, latencyMs);
    const fields = { device: this.id, ...ack, ms: latencyMs };
    // A stray ack answers bad traffic or a second copy; only a real press being refused is news.
    if (ack.outcome === 'rejected' && entry) this.#o.log.warn(fields, 'press rejected');
    else this.#o.log.debug({ ...fields, stray: entry ? undefined : true }, 'ack');
  }

  #schedulePress(): void {
    this.#timers.press = setTimeout(() => {
      this.#pressTick();
      this.#schedulePress();
    }, nextPressDelayMs(this.#pressRng, this.#o.ratePerMin));
  }

  /** Draws the same numbers whatever the connection state, so `--seed` replays the same presses. */
  #pressTick(): void {
    const choice = choosePress(this.#pressRng, this.#buttons);
    const misbehaving = this.#o.misbehave && this.#pressRng() < MISBEHAVE_SHARE;
    const kind = misbehaving ? chooseMisbehaviour(this.#pressRng) : undefined;
    if (kind === undefined || kind === 'double-publish') {
      if (kind) this.#o.stats.recordMisbehaviour(kind);
      const entry = this.#queuePress(choice);
      if (entry && this.connection.client) this.#publishPress(entry, kind ? 2 : 1);
      return;
    }
    const client = this.connection.client;
    if (!client) return;
    const press = { v: 1 as const, pressId: `${this.#o.bootId}-bad${++this.#badSeq}`, seq: 0, ...choice, pressedAt: this.#now() };
    const { peerId, mqttUrl, stats, log } = this.#o;
    if (actOut(kind, { client, deviceId: this.id, peerId, mqttUrl, stats, log }, press)) this.connection.expectDenial();
  }

  #queuePress(choice: { button: number; action: PressAction }): OutboxEntry | undefined {
    this.#seq += 1;
    const press = { pressId: `${this.#o.bootId}-${this.#seq}`, seq: this.#seq, ...choice, pressedAt: this.#now() };
    const { entry, evicted } = this.outbox.add(press, press.pressedAt);
    if (evicted) {
      this.#o.stats.count('dropped');
      this.#o.log.warn({ device: this.id, pressId: evicted.pressId }, 'outbox full; oldest press dropped');
    }
    this.outboxDirty = true;
    return entry;
  }

  #flush(): void {
    if (!this.connection.client) return;
    for (const entry of this.outbox.due(this.#now())) this.#publishPress(entry, 1);
  }

  /** `copies` > 1 is the double-publish fault: the very same bytes, back to back. */
  #publishPress(entry: OutboxEntry, copies: number): void {
    const client = this.connection.client;
    if (!client) return;
    const now = this.#now();
    const payload = encodePayload('press', pressPayload(entry, now));
    for (let i = 0; i < copies; i += 1) client.publish(topicFor(this.id, 'press'), payload, { qos: TOPICS.press.qos });
    this.#o.stats.count(entry.attempts === 0 ? 'pressesSent' : 'resends');
    this.outbox.recordAttempt(entry.pressId, now, retryDelayMs(this.#retryRng));
    this.outboxDirty = true;
  }

  #sendTelemetry(): void {
    const client = this.connection.client;
    if (!client) return;
    this.#vitals = nextVitals(this.#telemetryRng, this.#vitals);
    const payload = telemetryPayload(this.#telemetryRng, this.#vitals, this.#now() - this.#bootAt, this.outbox.size);
    client.publish(topicFor(this.id, 'telemetry'), encodePayload('telemetry', payload), { qos: TOPICS.telemetry.qos });
    this.#timers.telemetry = setTimeout(() => this.#sendTelemetry(), nextTelemetryDelayMs(this.#telemetryRng));
  }
}
