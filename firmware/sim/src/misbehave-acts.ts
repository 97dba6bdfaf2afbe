/**
 * Carrying out `--misbehave` faults on the wire. Payload faults go out QoS 1 on the press
 * topic and should earn a `rejected` ack; ACL faults go out QoS 0 (nothing to retransmit)
 * and should cost the connection; a wrong password should be refused at CONNACK.
 */
import mqtt, { type MqttClient } from 'mqtt';
import type { PressPayload } from '../../../gateway/src/mqtt/contract.ts';
import { AUTH_REFUSED_CODES, linkOptions } from './link.ts';
import type { Log } from './log.ts';
import { badPublish, EXPECTED, type Misbehaviour } from './misbehaviour.ts';
import type { SimStats } from './stats.ts';

const PROBE_TIMEOUT_MS = 10_000;

export type ActContext = { client: MqttClient; deviceId: string; peerId: string; mqttUrl: string; stats: SimStats; log: Log };

/** Sends one fault; true when the broker is expected to drop the connection for it. */
export function actOut(kind: Exclude<Misbehaviour, 'double-publish'>, ctx: ActContext, press: PressPayload): boolean {
  ctx.stats.recordMisbehaviour(kind);
  ctx.log.info({ device: ctx.deviceId, kind, expect: EXPECTED[kind] }, 'misbehaving');
  if (kind === 'wrong-password') {
    void probeWrongPassword(ctx);
    return false;
  }
  const bad = badPublish(kind, ctx.deviceId, ctx.peerId, press);
  if (!bad) return false;
  const denial = EXPECTED[kind] === 'denied';
  ctx.client.publish(bad.topic, bad.payload, { qos: denial ? 0 : 1 });
  return denial;
}

/**
 * Connects as the device with a wrong password. The contract says CONNACK "not authorized";
 * authentication runs before session takeover, so the real connection must survive this.
 */
export function probeWrongPassword(ctx: ActContext): Promise<void> {
  return new Promise((resolve) => {
    const probe = mqtt.connect(ctx.mqttUrl, linkOptions(ctx.deviceId, `wrong-${Date.now().toString(36)}`));
    let done = false;
    const finish = (accepted: boolean, code?: number) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      probe.end(true);
      if (accepted) ctx.log.error({ device: ctx.deviceId }, 'broker ACCEPTED a wrong password');
      else if (code !== undefined && AUTH_REFUSED_CODES.includes(code)) {
        ctx.stats.count('authRefused');
        ctx.log.info({ device: ctx.deviceId, connack: code }, 'wrong password refused (expected)');
      } else ctx.log.warn({ device: ctx.deviceId, code }, 'wrong-password probe failed for another reason');
      resolve();
    };
    const timer = setTimeout(() => finish(false), PROBE_TIMEOUT_MS);
    probe.once('connect', () => finish(true));
    probe.on('error', (error) => finish(false, (error as { code?: number }).code));
  });
}
