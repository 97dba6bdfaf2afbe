/**
 * A minimal MQTT 3.1.1 client over node:net: CONNECT, SUBSCRIBE, PUBLISH (QoS 0/1),
 * PUBACK both ways, DISCONNECT. Thousands of them fit in one generator process, where
 * MQTT.js clients cost several times more memory and CPU each (see bench/README.md).
 * No reconnect, no store: the workloads decide what a lost connection means.
 */
import net from 'node:net';

const CONNECT = 1, CONNACK = 2, PUBLISH = 3, PUBACK = 4, SUBSCRIBE = 8, SUBACK = 9, PINGRESP = 13;

export type RawConnectOptions = {
  host: string; port: number; clientId: string; username?: string; password?: string;
  keepaliveS?: number; will?: { topic: string; payload: string; qos: 0 | 1; retain: boolean }; timeoutMs?: number;
};

function str(s: string | Buffer): Buffer {
  const b = typeof s === 'string' ? Buffer.from(s) : s;
  const out = Buffer.allocUnsafe(2 + b.length);
  out.writeUInt16BE(b.length, 0);
  b.copy(out, 2);
  return out;
}

/** [MQTT-2.2.3] remaining length: 7 bits per byte, high bit = more. */
function frame(first: number, body: Buffer[]): Buffer {
  let len = 0;
  for (const b of body) len += b.length;
  const header = [first];
  let x = len;
  do {
    let byte = x % 128;
    x = Math.floor(x / 128);
    if (x > 0) byte |= 0x80;
    header.push(byte);
  } while (x > 0);
  return Buffer.concat([Buffer.from(header), ...body], header.length + len);
}

export function connectPacket(o: RawConnectOptions): Buffer {
  let flags = 0x02; // clean session
  const payload = [str(o.clientId)];
  if (o.will) {
    flags |= 0x04 | (o.will.qos << 3) | (o.will.retain ? 0x20 : 0);
    payload.push(str(o.will.topic), str(o.will.payload));
  }
  if (o.username !== undefined) {
    flags |= 0x80;
    payload.push(str(o.username));
  }
  if (o.password !== undefined) {
    flags |= 0x40;
    payload.push(str(o.password));
  }
  const vh = Buffer.from([0, 4, 0x4d, 0x51, 0x54, 0x54, 4, flags, 0, 0]);
  vh.writeUInt16BE(o.keepaliveS ?? 0, 8);
  return frame(CONNECT << 4, [vh, ...payload]);
}

export class RawMqttClient {
  onPublish: ((topic: string, payload: Buffer) => void) | null = null;
  onPuback: ((packetId: number) => void) | null = null;
  onClose: (() => void) | null = null;
  closed = false;
  private buf: Buffer = Buffer.alloc(0);
  private nextId = 0;
  private waiters = new Map<number, () => void>();

  private constructor(readonly socket: net.Socket, readonly clientId: string) {}

  /** Resolves on CONNACK 0; rejects on a refusal, a close or the timeout. */
  static connect(o: RawConnectOptions): Promise<RawMqttClient> {
    return new Promise((resolve, reject) => {
      const socket = net.connect({ host: o.host, port: o.port, noDelay: true });
      const client = new RawMqttClient(socket, o.clientId);
      const timer = setTimeout(() => fail(new Error('connect timeout')), o.timeoutMs ?? 15_000);
      let settled = false;
      const fail = (err: Error) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        socket.destroy();
        reject(err);
      };
      client.onConnack = (rc) => {
        if (settled) return;
        if (rc !== 0) return fail(new Error(`CONNACK ${rc}`));
        settled = true;
        clearTimeout(timer);
        resolve(client);
      };
      socket.on('data', (d) => client.read(d));
      socket.on('error', (err) => fail(err));
      socket.on('close', () => {
        client.closed = true;
        fail(new Error('closed before CONNACK'));
        client.onClose?.();
      });
      socket.write(connectPacket(o));
    });
  }

  private onConnack: ((rc: number) => void) | null = null;

  private id(): number {
    this.nextId = (this.nextId % 65_535) + 1;
    return this.nextId;
  }

  /** QoS 1 returns the packet id; `onPuback` hears it when the broker answers. */
  publish(topic: string, payload: string | Buffer, qos: 0 | 1, dup = false): number {
    const pid = qos ? this.id() : 0;
    const parts = [str(topic)];
    if (qos) {
      const p = Buffer.allocUnsafe(2);
      p.writeUInt16BE(pid, 0);
      parts.push(p);
    }
    parts.push(typeof payload === 'string' ? Buffer.from(payload) : payload);
    this.socket.write(frame((PUBLISH << 4) | (dup ? 8 : 0) | (qos << 1), parts));
    return pid;
  }

  subscribe(topic: string, qos: 0 | 1): Promise<void> {
    const pid = this.id();
    const p = Buffer.allocUnsafe(2);
    p.writeUInt16BE(pid, 0);
    this.socket.write(frame((SUBSCRIBE << 4) | 2, [p, str(topic), Buffer.from([qos])]));
    return new Promise((resolve) => this.waiters.set(pid, resolve));
  }

  /** Clean DISCONNECT: the broker drops the will [MQTT-3.14.4-3]. */
  end(): void {
    if (this.closed) return;
    this.socket.end(Buffer.from([0xe0, 0]));
  }

  private read(chunk: Buffer): void {
    this.buf = this.buf.length ? Buffer.concat([this.buf, chunk]) : chunk;
    let off = 0;
    for (;;) {
      if (this.buf.length - off < 2) break;
      let len = 0, mult = 1, i = off + 1, byte: number;
      do {
        if (i >= this.buf.length) return this.keep(off);
        byte = this.buf[i++]!;
        len += (byte & 0x7f) * mult;
        mult *= 128;
      } while (byte & 0x80);
      if (this.buf.length < i + len) break;
      this.packet(this.buf[off]!, this.buf.subarray(i, i + len));
      off = i + len;
    }
    this.keep(off);
  }

  private keep(off: number): void {
    this.buf = off >= this.buf.length ? Buffer.alloc(0) : this.buf.subarray(off);
  }

  private packet(first: number, body: Buffer): void {
    switch (first >> 4) {
      case CONNACK:
        this.onConnack?.(body[1]!);
        break;
      case PUBACK:
        this.onPuback?.(body.readUInt16BE(0));
        break;
      case SUBACK: {
        const pid = body.readUInt16BE(0);
        this.waiters.get(pid)?.();
        this.waiters.delete(pid);
        break;
      }
      case PUBLISH: {
        const qos = (first >> 1) & 3;
        const tlen = body.readUInt16BE(0);
        const topic = body.toString('utf8', 2, 2 + tlen);
        let off = 2 + tlen;
        if (qos > 0) {
          const pid = body.readUInt16BE(off);
          off += 2;
          this.socket.write(Buffer.from([PUBACK << 4, 2, pid >> 8, pid & 0xff]));
        }
        this.onPublish?.(topic, body.subarray(off));
        break;
      }
      case PINGRESP:
        break;
    }
  }
}
