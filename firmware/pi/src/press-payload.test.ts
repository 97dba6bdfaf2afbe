import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PressPayload, decodePayload, encodePayload } from '../../../gateway/src/mqtt/contract.ts';
import type { PendingPress } from './outbox.ts';
import { pressPayloadFor } from './press-payload.ts';

const pending = (over: Partial<PendingPress> = {}): PendingPress => ({
  pressId: 'k3x9-17', seq: 17, button: 7, action: 'single', pressedAt: 1_767_225_600_123, synced: true,
  replayed: false, attempts: 0, ...over,
});

describe('press payload', () => {
  it('sends the press time when the clock was synced at the press', () => {
    expect(pressPayloadFor(pending(), 5)).toEqual({ v: 1, pressId: 'k3x9-17', seq: 17, button: 7, action: 'single', pressedAt: 1_767_225_600_123 });
  });

  it('sends the age from the monotonic clock when the wall clock was not synced', () => {
    expect(pressPayloadFor(pending({ synced: false, monoAt: 1000.4 }), 94_500)).toMatchObject({ ageMs: 93_500 });
    expect(pressPayloadFor(pending({ synced: false, monoAt: 1000 }), 94_500)).not.toHaveProperty('pressedAt');
  });

  it('sends no time for an unsynced press from before a restart, and marks it queued', () => {
    const payload = pressPayloadFor(pending({ synced: false, replayed: true }), 10);
    expect(payload).not.toHaveProperty('pressedAt');
    expect(payload).not.toHaveProperty('ageMs');
    expect(payload.queued).toBe(true);
  });

  it('encodes a replayed press exactly as the golden payload', () => {
    const payload = pressPayloadFor(pending({ replayed: true }), 0);
    const golden = readFileSync(new URL('../../../test/fixtures/mqtt/press/valid/pi-journal-replay.json', import.meta.url), 'utf8');
    expect(encodePayload('press', PressPayload.parse(payload)).toString()).toBe(golden);
    expect(decodePayload('press', encodePayload('press', payload)).ok).toBe(true);
  });

  it('marks a resend, or a press that waited for a connection, as queued', () => {
    expect(pressPayloadFor(pending({ attempts: 1 }), 0).queued).toBe(true);
    expect(pressPayloadFor(pending({ deferred: true }), 0).queued).toBe(true);
    expect(pressPayloadFor(pending(), 0)).not.toHaveProperty('queued');
  });
});
