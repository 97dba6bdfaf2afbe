/**
 * Sends the outbox: claims due rows (outbox.ts), delivers them outside any transaction, and
 * records each attempt. One timer, armed at the earliest due row and never longer than the
 * poll interval (rows of other servers, expired leases); woken at once by `wake()`, by
 * `wakeNotifications(db)` and by ticket events on the bus, which are published after commit
 * (merges excepted: the press path wakes it when one wrote rows).
 */
import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import type { EventBus } from '../events/bus.ts';
import { type Channels, createChannels } from './channels/index.ts';
import type { Delivery } from './channels/types.ts';
import { DEFAULT_RETRY, decideAfterAttempt, type RetryPolicy } from './domain/backoff.ts';
import { type ClaimedNotification, claimDue, markUndeliverable, nextDueAt, recordAttempt } from './outbox.ts';
import { registerWake } from './wake.ts';

export const POLL_MS = 5_000;
/** Longer than the slowest sends of one claim (see BATCH): a lease outliving its sender means a double send. */
const LEASE_MS = 120_000;
/**
 * Deliveries in flight at once. Each one uses a pool connection only for its short statements
 * (the webhook lookup, then the attempt's transaction), never across the HTTP/SMTP call, so the
 * dispatcher holds at most this many of the pool's connections, whatever the backlog: a burst of
 * new tickets must not starve the press path (bench round 4: 20 at once held 6–7 of 10).
 */
export const IN_FLIGHT = 2;
/**
 * Rows per claim. Each worker sends at most BATCH / IN_FLIGHT of them one after another, so the
 * slowest claim takes 2 × 30 s (SMTP socket timeout; webhooks 10 s), well inside LEASE_MS.
 */
const BATCH = 2 * IN_FLIGHT;

export type DispatcherDeps = {
  db: Db;
  config: Config;
  bus: EventBus;
  log: Logger;
  now?: () => Date;
  /** Base of message links; defaults to PUBLIC_URL, else http://localhost:HTTP_PORT. */
  publicUrl?: string;
  retry?: RetryPolicy;
  random?: () => number;
  webhookTimeoutMs?: number;
};

export type NotificationDispatcher = { wake(): void; stop(): Promise<void> };

/** What one delivery needs, fixed for the dispatcher's life. */
type Runtime = {
  db: Db; log: Logger; now: () => Date; channels: Channels;
  maxAttempts: number; retry: RetryPolicy; random: () => number;
};

/** Sends one claimed row and records the outcome; a channel that is off dead-letters it at once. */
async function deliverOne(rt: Runtime, row: ClaimedNotification): Promise<void> {
  const started = performance.now();
  const delivery: Delivery = await rt.channels.deliver(row)
    .catch((err: Error) => ({ kind: 'failed', statusCode: null, error: err.message }) as const);
  if (delivery.kind === 'off') return markUndeliverable(rt.db, row, delivery.reason);
  const at = rt.now();
  const ok = delivery.kind === 'sent';
  const next = decideAfterAttempt({ ok, attemptsBefore: row.attempts, maxAttempts: rt.maxAttempts, now: at, policy: rt.retry, random: rt.random() });
  const error = delivery.kind === 'failed' ? delivery.error : null;
  await recordAttempt(rt.db, row, { at, ok, statusCode: delivery.statusCode, error, durationMs: Math.round(performance.now() - started) }, next);
  if (next.status === 'dead') {
    rt.log.warn({ notificationId: row.id, channel: row.channel, recipient: row.recipient, error }, `notification dead after ${next.attempts} attempts`);
  }
}

/** Runs `work` over `items` with at most `limit` at once, in order of `items`. */
export async function eachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** Delivers everything due, a claim at a time, IN_FLIGHT deliveries at once; returns how long to sleep. */
async function drain(rt: Runtime, stopped: () => boolean): Promise<number> {
  for (;;) {
    const claimed = await claimDue(rt.db, rt.now(), LEASE_MS, BATCH);
    await eachLimited(claimed, IN_FLIGHT, (row) => deliverOne(rt, row)
      .catch((err: Error) => rt.log.warn({ notificationId: row.id, err: err.message }, 'recording a delivery failed')));
    if (claimed.length < BATCH || stopped()) break;
  }
  const next = await nextDueAt(rt.db, rt.now());
  return next ? Math.min(POLL_MS, Math.max(0, next.getTime() - rt.now().getTime())) : POLL_MS;
}

export function startNotificationDispatcher(deps: DispatcherDeps): NotificationDispatcher {
  const { db, config, log } = deps;
  const publicUrl = deps.publicUrl ?? config.PUBLIC_URL ?? `http://localhost:${config.HTTP_PORT}`;
  const channels = createChannels({ db, config, bus: deps.bus, publicUrl, webhookTimeoutMs: deps.webhookTimeoutMs });
  const rt: Runtime = {
    db, log, channels, now: deps.now ?? (() => new Date()), maxAttempts: config.NOTIFY_MAX_ATTEMPTS,
    retry: deps.retry ?? DEFAULT_RETRY, random: deps.random ?? Math.random,
  };
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;

  const arm = (ms: number) => {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(run, ms);
    timer.unref();
  };
  function run() {
    timer = null;
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = drain(rt, () => stopped)
      .catch((err: Error) => {
        log.warn({ err: err.message }, 'notification dispatch failed; trying again shortly');
        return POLL_MS;
      })
      .then((sleep) => {
        running = null;
        arm(again ? 0 : sleep);
        again = false;
      });
  }

  const wake = () => arm(0);
  const unregister = registerWake(db, wake);
  const unsubscribe = deps.bus.subscribe((e) => {
    // A merged press rarely notifies anyone, and under load merges come by the hundred a
    // second: the press path wakes the dispatcher itself when it wrote rows (effects.ts).
    if (e.type !== 'notification' && e.type !== 'device.updated' && e.type !== 'ticket.merged') wake();
  });
  arm(0);
  return {
    wake,
    async stop() {
      if (stopped) return;
      stopped = true;
      if (timer) clearTimeout(timer);
      unregister();
      unsubscribe();
      await running;
      channels.close();
    },
  };
}
