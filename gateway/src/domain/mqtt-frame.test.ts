import { describe, expect, it } from 'vitest';
import { newFrameScanner, scanFrames } from './mqtt-frame.ts';

/** A PUBLISH fixed header (0x30) with the given remaining length, then that many bytes. */
function packet(length: number): Uint8Array {
  const header = [0x30];
  let n = length;
  do {
    let byte = n % 128;
    n = Math.floor(n / 128);
    if (n > 0) byte |= 0x80;
    header.push(byte);
  } while (n > 0);
  return new Uint8Array([...header, ...new Uint8Array(length)]);
}

describe('scanFrames', () => {
  it('passes a stream of packets under the cap, whatever the chunking', () => {
    const stream = new Uint8Array([...packet(10), ...packet(200), ...packet(0), ...packet(5000)]);
    for (const size of [1, 3, 7, 1024, stream.length]) {
      const s = newFrameScanner();
      for (let i = 0; i < stream.length; i += size) {
        expect(scanFrames(s, stream.subarray(i, i + size), 8192)).toEqual({ ok: true });
      }
      expect(s.state).toBe('header');
    }
  });

  it('refuses a packet over the cap from its header alone', () => {
    const s = newFrameScanner();
    expect(scanFrames(s, packet(70_000).subarray(0, 4), 65_536)).toEqual({ ok: false, reason: 'packet too large', packetBytes: 70_000 });
  });

  it('refuses a remaining length longer than four bytes', () => {
    const s = newFrameScanner();
    expect(scanFrames(s, new Uint8Array([0x30, 0x80, 0x80, 0x80, 0x80, 0x01]), Number.MAX_SAFE_INTEGER)).toMatchObject({ ok: false, reason: 'malformed remaining length' });
  });
});
