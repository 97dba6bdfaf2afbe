/** A simulated button as a real MQTT.js 5 client speaking the device contract. */
import mqtt, { type MqttClient } from 'mqtt';
import type { AckPayload, PressPayload } from '../../gateway/src/mqtt/contract.ts';
import { topicFor } from '../../gateway/src/mqtt/contract.ts';

export type TestDevice = {
  client: MqttClient;
  id: string;
  /** Every message received, by topic, in order. */
  received: { topic: string; payload: string }[];
  press(p: Partial<PressPayload> & { pressId: string }): Promise<void>;
  /** Resolves with the app-level ack for `pressId`. */
  ack(pressId: string, timeoutMs?: number): Promise<AckPayload>;
  end(): Promise<void>;
};

export async function connectDevice(url: string, id: string, password: string, opts: mqtt.IClientOptions = {}): Promise<TestDevice> {
  const client = await mqtt.connectAsync(url, {
    clientId: id, username: id, password, protocolVersion: 4, reconnectPeriod: 0, connectTimeout: 5000,
    will: { topic: topicFor(id, '$state'), payload: Buffer.from('lost'), qos: 1, retain: true },
    ...opts,
  });
  const received: TestDevice['received'] = [];
  client.on('message', (topic, payload) => received.push({ topic, payload: payload.toString() }));
  await client.subscribeAsync([topicFor(id, 'ack'), topicFor(id, 'led/set'), topicFor(id, 'config')], { qos: 1 });
  let seq = 0;
  return {
    client, id, received,
    async press(p) {
      const payload: PressPayload = { v: 1, seq: ++seq, button: 0, action: 'single', ...p };
      await client.publishAsync(topicFor(id, 'press'), JSON.stringify(payload), { qos: 1 });
    },
    ack(pressId, timeoutMs = 5000) {
      return waitFor(() => {
        const hit = received.find((m) => m.topic === topicFor(id, 'ack') && JSON.parse(m.payload).pressId === pressId);
        return hit ? (JSON.parse(hit.payload) as AckPayload) : undefined;
      }, timeoutMs, `ack for ${pressId}`);
    },
    end: () => client.endAsync(true),
  };
}

/** Polls `probe` until it returns a value (not a timing assertion: a bound on how long to wait). */
export async function waitFor<T>(probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 5000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
