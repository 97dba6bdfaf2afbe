/**
 * The Pi panel: buttons → classifier → outbox (journal) → MQTT session, and downlinks → LEDs
 * and settings. Hardware comes in as a PanelIo, so tests run it on mock-firmata and the real
 * gateway; main.ts wires the real thing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { Logger } from 'pino';
import { PressClassifier, type ClassifierConfig } from '../../shared/press-classifier.ts';
import type { PiConfig } from './config.ts';
import type { PanelIo } from './io/panel-io.ts';
import { LedDriver } from './led-driver.ts';
import { patternForAck } from './led-patterns.ts';
import { Outbox } from './outbox.ts';
import { Session, type Downlink } from './session.ts';
import { collectTelemetry } from './telemetry.ts';

export type PanelDeps = {
  config: PiConfig;
  io: PanelIo;
  log: Logger;
  /** Wall clock (epoch ms) and monotonic clock; injectable for tests. */
  now?: () => number;
  mono?: () => number;
  random?: () => number;
};

export type Panel = { outbox: Outbox; session: Session; leds: LedDriver; stop(): Promise<void> };

function classifierConfig(config: PiConfig, timings: { doubleMs: number; holdMs: number }): ClassifierConfig {
  return { debounceMs: config.press.debounceMs, ...timings, singleOnly: config.buttons.filter((b) => b.singleOnly).map((b) => b.button) };
}

export function startPanel(deps: PanelDeps): Panel {
  const { config, io, log } = deps;
  const now = deps.now ?? Date.now;
  const mono = deps.mono ?? (() => performance.now());
  const outbox = Outbox.open(config.journalDir);
  if (outbox.skipped > 0) log.warn({ skipped: outbox.skipped }, 'journal had unreadable lines (crash mid-write?)');
  log.info({ pending: outbox.size }, 'outbox replayed');
  const classifier = new PressClassifier(classifierConfig(config, config.press));
  const leds = new LedDriver({ setLed: (b, on) => io.setLed(b, on), mono });
  const wired = new Set(config.buttons.map((b) => b.button));
  let heartbeatS = config.heartbeatS;
  let deadline: NodeJS.Timeout | null = null;
  let telemetryTimer: NodeJS.Timeout | null = null;
  // Wall time is trusted only with proof that NTP has synced (a Pi has no RTC).
  const clockSynced = () => !config.clockSyncedFile || existsSync(config.clockSyncedFile);

  const session = new Session({
    deviceId: config.deviceId, secret: config.secret, brokerUrl: config.brokerUrl, ackTimeoutMs: config.ackTimeoutMs, reconnect: config.reconnect,
    ...(config.caFile && { ca: readFileSync(config.caFile) }),
    outbox, log, mono, random: deps.random ?? Math.random, onDownlink,
  });

  function poll(): void {
    if (deadline) clearTimeout(deadline);
    deadline = null;
    const t = mono();
    for (const press of classifier.poll(t)) {
      const pending = outbox.record({
        button: press.button, action: press.action, pressedAt: Math.round(now() - (t - press.at)), synced: clockSynced(), monoAt: press.at,
      });
      log.info({ pressId: pending.pressId, button: press.button, action: press.action, pressedAt: pending.pressedAt }, 'press');
      leds.show(press.button, 'sending');
      session.sendPress(pending);
    }
    const next = classifier.nextDeadline();
    if (next !== null) deadline = setTimeout(poll, Math.max(0, next - mono()));
  }

  function onDownlink(downlink: Downlink): void {
    if (downlink.kind === 'ack') {
      const press = outbox.ack(downlink.value.pressId);
      if (!press) return;
      const level = downlink.value.outcome === 'rejected' ? 'warn' : 'info';
      log[level]({ ...downlink.value, button: press.button }, 'ack');
      leds.show(press.button, patternForAck(downlink.value.outcome));
    } else if (downlink.kind === 'led/set') {
      if (wired.has(downlink.value.button)) leds.show(downlink.value.button, downlink.value.pattern);
    } else {
      classifier.reconfigure(classifierConfig(config, downlink.value));
      heartbeatS = downlink.value.heartbeatS;
      scheduleTelemetry(1000);
      log.info({ holdMs: downlink.value.holdMs, doubleMs: downlink.value.doubleMs, heartbeatS }, 'config applied');
    }
  }

  function scheduleTelemetry(delayMs: number): void {
    if (telemetryTimer) clearTimeout(telemetryTimer);
    telemetryTimer = setTimeout(async () => {
      const telemetry = await collectTelemetry(config, outbox.size).catch((err: Error) => log.warn({ err: err.message }, 'telemetry failed'));
      if (telemetry) session.publishTelemetry(telemetry);
      scheduleTelemetry(heartbeatS * 1000);
    }, delayMs);
  }

  io.onEdge((button, pressed) => {
    classifier.edge(button, pressed, mono());
    poll();
  });
  scheduleTelemetry(2000);

  return {
    outbox, session, leds,
    async stop() {
      if (deadline) clearTimeout(deadline);
      if (telemetryTimer) clearTimeout(telemetryTimer);
      leds.stop();
      await session.stop();
      await io.close();
      outbox.close();
    },
  };
}
