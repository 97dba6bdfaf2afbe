/**
 * Incremental MQTT framing scanner: reads only the fixed headers of a byte stream and reports
 * the first packet whose remaining length exceeds a cap, before its body arrives. Aedes has
 * no packet size limit of its own, so this keeps a huge PUBLISH from being buffered at all.
 * [MQTT-2.2.3] Remaining Length: up to 4 bytes, 7 bits each, continuation in the high bit.
 */
export type FrameScanner = { state: 'header' | 'length' | 'body'; lengthBytes: number; multiplier: number; remaining: number };

export function newFrameScanner(): FrameScanner {
  return { state: 'header', lengthBytes: 0, multiplier: 1, remaining: 0 };
}

export type ScanResult = { ok: true } | { ok: false; reason: string; packetBytes?: number };

/** Advances `s` over `chunk` (mutating it: it is per-connection state). */
export function scanFrames(s: FrameScanner, chunk: Uint8Array, maxPacketBytes: number): ScanResult {
  let i = 0;
  while (i < chunk.length) {
    if (s.state === 'body') {
      const take = Math.min(s.remaining, chunk.length - i);
      s.remaining -= take;
      i += take;
      if (s.remaining === 0) s.state = 'header';
      continue;
    }
    const byte = chunk[i++] as number;
    if (s.state === 'header') {
      Object.assign(s, { state: 'length', lengthBytes: 0, multiplier: 1, remaining: 0 });
      continue;
    }
    s.remaining += (byte & 0x7f) * s.multiplier;
    s.multiplier *= 128;
    s.lengthBytes++;
    if (s.remaining > maxPacketBytes) return { ok: false, reason: 'packet too large', packetBytes: s.remaining };
    if (byte & 0x80) {
      if (s.lengthBytes >= 4) return { ok: false, reason: 'malformed remaining length' };
      continue;
    }
    s.state = s.remaining === 0 ? 'header' : 'body';
  }
  return { ok: true };
}
