/**
 * `runSimulation`: provision what the credentials cache lacks, restore outboxes, start the
 * devices, print a summary every 10 s, persist outboxes, and stop on demand or after
 * `duration`. The CLI and the integration tests both drive the simulator through this.
 */
import { randomBytes } from 'node:crypto';
import { createApiClient } from './api-client.ts';
import { CredentialCache } from './credentials-file.ts';
import type { CredentialSource } from './device-connection.ts';
import { SimDevice } from './device.ts';
import { silentLog, type Log } from './log.ts';
import { loadOutboxes, outboxPathFor, saveOutboxes } from './outbox-file.ts';
import { Outbox } from './outbox.ts';
import { createProvisioner, deviceIdFor, type Provisioner } from './provision.ts';
import { deriveSeed, seedFromText } from './random.ts';
import { formatSummary, SimStats, type StatsSnapshot } from './stats.ts';

export type SimulationOptions = {
  devices: number; rate: number; mqtt: string; server: string; email: string; password?: string | undefined;
  site: string; credentials: string; duration: number; misbehave: boolean; seed?: string | undefined;
  log?: Log; summaryEveryMs?: number;
};

export type SimulationHandle = {
  readonly seed: string;
  stats(): StatsSnapshot;
  /** Stops every device (graceful DISCONNECT), saves the outboxes, returns the final stats. */
  stop(): Promise<StatsSnapshot>;
  /** Settles when the run ends: `duration` elapsed or `stop()` was called. */
  readonly finished: Promise<StatsSnapshot>;
};

const PERSIST_EVERY_MS = 1_000;
/** Parallel provisioning requests: enough to be quick, few enough not to trip rate limits. */
const PROVISION_CONCURRENCY = 4;

export async function runSimulation(options: SimulationOptions): Promise<SimulationHandle> {
  const log = options.log ?? silentLog;
  const seed = options.seed ?? randomBytes(4).toString('hex');
  const ids = Array.from({ length: options.devices }, (_, i) => deviceIdFor(options.site, i));
  const cache = await CredentialCache.load(options.credentials, options.server);
  const provisioner = createProvisioner(
    createApiClient(options.server), { email: options.email, password: options.password, site: options.site }, log,
  );
  await provisionMissing(ids.filter((id) => !cache.get(id)), cache, provisioner);

  const outboxPath = outboxPathFor(options.credentials);
  const stored = await loadOutboxes(outboxPath);
  const stats = new SimStats();
  const credentials: CredentialSource = {
    current: (id) => cache.get(id) ?? { username: id, password: '' },
    refresh: async (id) => {
      const issued = await provisioner.rotate(id);
      await cache.set(id, issued);
      return issued;
    },
  };
  // Base 36 of the boot time: unique per run, so `<bootId>-<seq>` never repeats a pressId.
  const bootId = Date.now().toString(36);
  const devices = ids.map((id, i) => new SimDevice({
    id, peerId: ids.length > 1 ? (ids[(i + 1) % ids.length] as string) : deviceIdFor(options.site, 1),
    bootId, seed: deriveSeed(seedFromText(seed), i), mqttUrl: options.mqtt, ratePerMin: options.rate,
    misbehave: options.misbehave, outbox: Outbox.restore(stored[id] ?? []), stats, log, credentials,
  }));
  const restored = devices.reduce((sum, d) => sum + (stored[d.id]?.length ?? 0), 0);
  log.info({ seed, rate: options.rate, mqtt: options.mqtt, restored: restored || undefined }, `starting ${ids.length} devices`);
  for (const device of devices) device.start();

  const snapshot = () => stats.snapshot({
    devices: devices.length,
    connected: devices.filter((d) => d.connection.client).length,
    backlog: devices.reduce((sum, d) => sum + d.outbox.size, 0),
  });
  let saving = Promise.resolve();
  const persist = (force: boolean) => {
    if (!force && !devices.some((d) => d.outboxDirty)) return saving;
    for (const device of devices) {
      device.outboxDirty = false;
      stored[device.id] = device.outbox.snapshot();
    }
    const body = { ...stored };
    saving = saving.then(() => saveOutboxes(outboxPath, body)).catch((error: unknown) => {
      log.error({ error: (error as Error).message, file: outboxPath }, 'could not save outboxes');
    });
    return saving;
  };

  const timers = [
    setInterval(() => log.info({}, formatSummary(snapshot())), options.summaryEveryMs ?? 10_000),
    setInterval(() => void persist(false), PERSIST_EVERY_MS),
  ];
  let resolveFinished: (s: StatsSnapshot) => void = () => undefined;
  const finished = new Promise<StatsSnapshot>((resolve) => (resolveFinished = resolve));
  let stopping: Promise<StatsSnapshot> | undefined;
  const stop = () => (stopping ??= (async () => {
    timers.forEach(clearInterval);
    // Connected as the run ended, not after our own DISCONNECTs.
    const { connected } = snapshot();
    await Promise.all(devices.map((d) => d.stop()));
    await persist(true);
    const final = { ...snapshot(), connected };
    log.info({}, `final: ${formatSummary(final)}`);
    resolveFinished(final);
    return final;
  })());
  if (options.duration > 0) timers.push(setTimeout(() => void stop(), options.duration * 1000));

  return { seed, stats: snapshot, stop, finished };
}

async function provisionMissing(ids: string[], cache: CredentialCache, provisioner: Provisioner): Promise<void> {
  const queue = [...ids];
  const worker = async () => {
    for (let id = queue.shift(); id !== undefined; id = queue.shift()) await cache.set(id, await provisioner.ensureDevice(id));
  };
  await Promise.all(Array.from({ length: PROVISION_CONCURRENCY }, worker));
}
