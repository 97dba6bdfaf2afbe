/**
 * A fleet of simulated buttons on raw MQTT connections, speaking the device contract:
 * QoS 1 presses (`dash/<id>/press`), QoS 0 telemetry, and the app-level `ack` downlink.
 * Every press is tracked from its intended send time to its PUBACK (the commit, design §2
 * durability rule) and to its `ack`, into the phase that sent it.
 */
import { topicFor } from '../../gateway/src/mqtt/contract.ts';
import { Latency } from './histogram.ts';
import { forEachLimit, type FleetDevice } from './provision.ts';
import { RawMqttClient } from './raw-mqtt.ts';

export class PressPhase {
  sent = 0;
  pubacked = 0;
  acked = 0;
  readonly outcomes: Record<string, number> = {};
  readonly commit = new Latency();
  readonly ack = new Latency();
  lastPubackAt = 0;
  /** pressId → time of its first PUBACK, kept when the phase follows presses across resends. */
  readonly committedAt = new Map<string, number>();
  constructor(readonly tag: string, readonly trackIds = false) {}
}

type Tracked = { phase: PressPhase; intended: number; pressId: string; pubacked: boolean; acked: boolean };

export class DevicePool {
  readonly clients: (RawMqttClient | null)[];
  connectFailures = 0;
  disconnects = 0;
  readonly connectLatency = new Latency();
  private readonly byPressId = new Map<string, Tracked>();
  private readonly byPacket: Map<number, Tracked>[];
  private seq = 0;

  constructor(readonly fleet: FleetDevice[], readonly host: string, readonly port: number) {
    this.clients = fleet.map(() => null);
    this.byPacket = fleet.map(() => new Map());
  }

  /** Connects every device not connected yet, `concurrency` CONNECTs in flight. */
  async connectAll(o: { concurrency: number; subscribeAcks: boolean; timeoutMs?: number }): Promise<{ ms: number; failures: number }> {
    const t0 = performance.now();
    const before = this.connectFailures;
    await forEachLimit(this.fleet.length, o.concurrency, async (i) => {
      if (this.clients[i] && !this.clients[i]!.closed) return;
      const d = this.fleet[i]!;
      const start = performance.now();
      try {
        const c = await RawMqttClient.connect({
          host: this.host, port: this.port, clientId: d.id, username: d.id, password: d.password, keepaliveS: 0,
          will: { topic: topicFor(d.id, '$state'), payload: 'lost', qos: 1, retain: true }, timeoutMs: o.timeoutMs ?? 30_000,
        });
        this.connectLatency.recordMs(performance.now() - start);
        this.wire(i, c);
        if (o.subscribeAcks) await c.subscribe(topicFor(d.id, 'ack'), 1);
      } catch {
        this.connectFailures++;
      }
    });
    return { ms: performance.now() - t0, failures: this.connectFailures - before };
  }

  private wire(i: number, c: RawMqttClient): void {
    this.clients[i] = c;
    const packets = this.byPacket[i]!;
    c.onPuback = (pid) => {
      const t = packets.get(pid);
      if (!t) return;
      packets.delete(pid);
      if (t.pubacked) return;
      t.pubacked = true;
      const now = performance.now();
      t.phase.pubacked++;
      t.phase.lastPubackAt = now;
      t.phase.commit.recordMs(now - t.intended);
      if (t.phase.trackIds && !t.phase.committedAt.has(t.pressId)) t.phase.committedAt.set(t.pressId, now);
      this.settle(t);
    };
    c.onPublish = (_topic, payload) => {
      const ack = JSON.parse(payload.toString()) as { pressId: string; outcome: string };
      const t = this.byPressId.get(ack.pressId);
      if (!t || t.acked) return;
      t.acked = true;
      t.phase.acked++;
      t.phase.outcomes[ack.outcome] = (t.phase.outcomes[ack.outcome] ?? 0) + 1;
      t.phase.ack.recordMs(performance.now() - t.intended);
      this.settle(t);
    };
    c.onClose = () => {
      this.disconnects++;
      packets.clear();
    };
  }

  private settle(t: Tracked): void {
    if (t.pubacked && t.acked) this.byPressId.delete(t.pressId);
  }

  /** A QoS 1 press from device `i`, timed from `intended`; `pressedAt` (epoch ms) lets boards time it too. */
  press(i: number, phase: PressPhase, intended: number, o: { pressedAt?: number; pressId?: string; trackAck?: boolean } = {}): string | null {
    const c = this.clients[i];
    const pressId = o.pressId ?? `${phase.tag}.${++this.seq}`;
    phase.sent++;
    if (!c || c.closed) return null;
    const payload = JSON.stringify({ v: 1, pressId, seq: this.seq, button: 0, action: 'single', ...(o.pressedAt && { pressedAt: o.pressedAt }) });
    const t: Tracked = { phase, intended, pressId, pubacked: false, acked: o.trackAck === false };
    const pid = c.publish(topicFor(this.fleet[i]!.id, 'press'), payload, 1);
    this.byPacket[i]!.set(pid, t);
    if (!t.acked) this.byPressId.set(pressId, t);
    return pressId;
  }

  telemetry(i: number, uptimeS: number): void {
    const c = this.clients[i];
    if (!c || c.closed) return;
    c.publish(topicFor(this.fleet[i]!.id, 'telemetry'), `{"v":1,"batteryMv":3912,"batteryPct":81,"rssi":-61,"uptimeS":${uptimeS},"pending":0}`, 0);
  }

  /** Waits until every press of `phase` has its PUBACK (and ack when tracked), or the deadline. */
  async drain(phase: PressPhase, timeoutMs: number, wantAcks = true): Promise<boolean> {
    const deadline = performance.now() + timeoutMs;
    while (performance.now() < deadline) {
      if (phase.pubacked >= phase.sent && (!wantAcks || phase.acked >= phase.sent)) return true;
      await new Promise((r) => setTimeout(r, 20));
    }
    return false;
  }

  closeAll(): void {
    for (const c of this.clients) c?.end();
    this.clients.fill(null);
  }
}
