/**
 * Keeping one device connected: a fresh link per attempt, the firmware's jittered exponential
 * backoff (1 s doubling to 60 s), and a secret rotation through the API when the broker refuses the cached credentials.
 */
import type { MqttClient } from 'mqtt';
import { backoffDelay } from '../../shared/backoff.ts';
import type { DeviceCredentials } from './credentials-file.ts';
import { closeLink, openLink, type Downlink, type LinkDown } from './link.ts';
import type { Log } from './log.ts';
import type { Rng } from './random.ts';
import type { SimStats } from './stats.ts';

/** How soon after an ACL fault a dropped connection counts as the broker's denial. */
const DENIAL_WINDOW_MS = 3_000;
/** A device refused again within this time of a rotation backs off instead of rotating again. */
const ROTATE_AT_MOST_EVERY_MS = 60_000;

export type CredentialSource = {
  current(deviceId: string): DeviceCredentials;
  refresh(deviceId: string): Promise<DeviceCredentials>;
};

export type ConnectionOptions = {
  id: string; mqttUrl: string; credentials: CredentialSource; stats: SimStats; log: Log; rng: Rng; now: () => number;
};
export type ConnectionEvents = { up(): void; down(): void; message(message: Downlink): void };

export class DeviceConnection {
  #client: MqttClient | undefined;
  #connected = false;
  #stopped = false;
  #attempt = 0;
  #failureLogged = false;
  #deniedUntil = 0;
  #lastRotationAt: number | undefined;
  #reconnectTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly o: ConnectionOptions,
    private readonly on: ConnectionEvents,
  ) {}

  /** The live client while connected (and subscribed), else undefined. */
  get client(): MqttClient | undefined {
    return this.#connected ? this.#client : undefined;
  }

  start(): void {
    if (this.#stopped) return;
    const { password } = this.o.credentials.current(this.o.id);
    this.#client = openLink(this.o.mqttUrl, this.o.id, password, {
      up: () => this.#onUp(),
      down: (reason) => this.#onDown(reason),
      message: (message) => this.on.message(message),
      problem: (problem, topic) => this.o.log.warn({ device: this.o.id, topic, problem }, 'unusable downlink'),
    });
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    this.#connected = false;
    clearTimeout(this.#reconnectTimer);
    if (this.#client) await closeLink(this.#client, true);
  }

  /** Just sent an ACL fault: a disconnect in the next moments is the broker saying no. */
  expectDenial(): void {
    this.#deniedUntil = this.o.now() + DENIAL_WINDOW_MS;
  }

  #onUp(): void {
    this.#connected = true;
    this.#attempt = 0;
    this.#failureLogged = false;
    this.on.up();
  }

  #onDown({ authRefused, error }: LinkDown): void {
    const wasUp = this.#connected;
    this.#connected = false;
    if (this.#stopped) return;
    if (wasUp) {
      this.o.stats.count('reconnects');
      this.on.down();
      if (this.o.now() <= this.#deniedUntil) {
        this.o.stats.count('denied');
        this.o.log.info({ device: this.o.id }, 'connection closed after ACL fault (expected)');
      } else this.o.log.warn({ device: this.o.id, error: error?.message }, 'disconnected');
    }
    if (authRefused) void this.#rotateAndRetry();
    else this.#retryLater(wasUp ? undefined : error);
  }

  async #rotateAndRetry(): Promise<void> {
    const now = this.o.now();
    if (this.#lastRotationAt !== undefined && now - this.#lastRotationAt < ROTATE_AT_MOST_EVERY_MS) {
      this.o.log.error({ device: this.o.id }, 'broker refused the device again after a rotation; backing off');
      return this.#retryLater();
    }
    this.#lastRotationAt = now;
    this.o.log.warn({ device: this.o.id }, 'broker refused the cached secret; rotating it');
    try {
      await this.o.credentials.refresh(this.o.id);
      this.o.stats.count('rotations');
      this.start();
    } catch (rotationError) {
      this.o.log.error({ device: this.o.id, error: (rotationError as Error).message }, 'secret rotation failed');
      this.#retryLater();
    }
  }

  #retryLater(error?: Error): void {
    if (this.#stopped) return;
    const delay = backoffDelay(this.#attempt, this.o.rng());
    this.#attempt += 1;
    // The first failure of an outage is news; the rest would only repeat it.
    const level = this.#failureLogged ? 'debug' : 'warn';
    if (error) this.o.log[level]({ device: this.o.id, error: error.message, retryInMs: Math.round(delay) }, 'connect failed');
    this.#failureLogged ||= error !== undefined;
    this.#reconnectTimer = setTimeout(() => this.start(), delay);
  }
}
