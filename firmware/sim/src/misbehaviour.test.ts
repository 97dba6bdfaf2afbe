import { describe, expect, it } from 'vitest';
import { decodePayload, parseTopic, type PressPayload } from '../../../gateway/src/mqtt/contract.ts';
import { badPublish, chooseMisbehaviour, MISBEHAVIOURS } from './misbehaviour.ts';
import { createRng } from './random.ts';

const press: PressPayload = { v: 1, pressId: 'lx3k2a1-bad1', seq: 0, button: 1, action: 'single', pressedAt: 1_700_000_000_000 };
const publish = (kind: (typeof MISBEHAVIOURS)[number]) => badPublish(kind, 'sim-a-001', 'sim-a-002', press)!;

describe('bad traffic', () => {
  it('sends malformed JSON that the contract rejects as invalid', () => {
    expect(decodePayload('press', publish('malformed-json').payload)).toMatchObject({ ok: false, reason: 'invalid_payload' });
  });

  it('sends a press without pressId that the contract rejects', () => {
    const result = decodePayload('press', publish('missing-press-id').payload);
    expect(result).toMatchObject({ ok: false, reason: 'invalid_payload' });
    expect(JSON.stringify(result)).toContain('pressId');
  });

  it('sends a 5 KiB payload that is refused for its size', () => {
    const { payload } = publish('oversized');
    expect(payload.byteLength).toBeGreaterThan(5 * 1024);
    expect(decodePayload('press', payload)).toMatchObject({ ok: false, reason: 'payload_too_large' });
  });

  it('publishes outside the contract and onto another device', () => {
    expect(publish('wrong-topic').topic).toBe('dash/sim-a-001/nonsense');
    expect(parseTopic(publish('wrong-topic').topic)).toBeNull();
    expect(parseTopic(publish('foreign-topic').topic)).toEqual({ deviceId: 'sim-a-002', kind: 'press' });
  });

  it('leaves faults that are not single publishes to the device', () => {
    expect(badPublish('double-publish', 'sim-a-001', 'sim-a-002', press)).toBeNull();
    expect(badPublish('wrong-password', 'sim-a-001', 'sim-a-002', press)).toBeNull();
  });

  it('mixes every kind of fault over a run', () => {
    const rng = createRng(5);
    const seen = new Set(Array.from({ length: 500 }, () => chooseMisbehaviour(rng)));
    expect([...seen].sort()).toEqual([...MISBEHAVIOURS].sort());
  });
});
