import { describe, expect, it } from 'vitest';
import { loadGoldenPayloads } from '../../../test/fixtures/mqtt/golden.ts';
import {
  MAX_PAYLOAD_BYTES, TOPICS, decodePayload, encodePayload, parseTopic, topicFor,
  type DecodeResult, type TopicKind, type UpTopicKind,
} from './contract.ts';

const golden = loadGoldenPayloads();

function isUp(kind: TopicKind): kind is UpTopicKind {
  return TOPICS[kind].dir === 'up';
}

// decodePayload is typed for uplinks only; a device decodes downlinks with the same schemas.
function decode(kind: TopicKind, bytes: Buffer): DecodeResult<unknown> {
  if (isUp(kind)) return decodePayload(kind, bytes);
  let raw: unknown;
  try {
    raw = JSON.parse(bytes.toString('utf8'));
  } catch {
    return { ok: false, reason: 'invalid_payload', issues: ['payload is not JSON'] };
  }
  const parsed = TOPICS[kind].schema.safeParse(raw);
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, reason: 'invalid_payload', issues: parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`) };
}

describe('golden payloads', () => {
  it('lists every invalid file in index.json with a reason, and nothing that does not exist', () => {
    expect(golden.unlisted).toEqual([]);
    expect(golden.stale).toEqual([]);
  });

  it('has valid and invalid examples for every topic kind', () => {
    for (const kind of Object.keys(TOPICS) as TopicKind[]) {
      expect(golden.valid.some((g) => g.kind === kind), `valid ${kind}`).toBe(true);
      expect(golden.invalid.some((g) => g.kind === kind), `invalid ${kind}`).toBe(true);
    }
  });

  describe.each(golden.valid)('valid $file', ({ kind, bytes, canonical }) => {
    it('is accepted by the schema', () => {
      expect(decode(kind, bytes)).toMatchObject({ ok: true });
    });

    it('re-encodes to its canonical bytes', () => {
      const decoded = decode(kind, bytes);
      if (!decoded.ok) throw new Error(decoded.issues.join('; '));
      const encoded = encodePayload(kind, decoded.value as never);
      expect(encoded.toString('utf8')).toBe(canonical.toString('utf8'));
      expect(encoded.equals(canonical)).toBe(true);
    });

    it('fits the payload limit', () => {
      expect(canonical.byteLength).toBeLessThanOrEqual(MAX_PAYLOAD_BYTES);
    });
  });

  it.each(golden.invalid)('rejects $file ($why)', ({ kind, bytes, reason, issue }) => {
    const decoded = decode(kind, bytes);
    expect(decoded.ok).toBe(false);
    if (decoded.ok) return;
    expect(decoded.reason).toBe(reason);
    expect(decoded.issues[0]).toMatch(new RegExp(`^${issue.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  });
});

describe('topics', () => {
  it.each(Object.keys(TOPICS) as TopicKind[])('parses back what topicFor builds for %s', (kind) => {
    const topic = topicFor('shop-12-printer', kind);
    expect(topic).toBe(`dash/shop-12-printer/${kind}`);
    expect(parseTopic(topic)).toEqual({ deviceId: 'shop-12-printer', kind });
  });

  it('keeps the slash inside led/set as part of the kind', () => {
    expect(topicFor('abc', 'led/set')).toBe('dash/abc/led/set');
    expect(parseTopic('dash/abc/led/set')).toEqual({ deviceId: 'abc', kind: 'led/set' });
  });

  it.each([
    ['another root', 'home/abc/press'],
    ['an upper-case device id', 'dash/ABC/press'],
    ['a device id shorter than 3', 'dash/ab/press'],
    ['a device id longer than 64', `dash/${'a'.repeat(65)}/press`],
    ['an empty device id', 'dash//press'],
    ['an unknown kind', 'dash/abc/status'],
    ['a sub-topic of a kind', 'dash/abc/press/extra'],
    ['a led topic without set', 'dash/abc/led'],
    ['a missing kind', 'dash/abc'],
    ['a wildcard', 'dash/+/press'],
    ['a leading slash', '/dash/abc/press'],
  ])('rejects %s', (_why, topic) => {
    expect(parseTopic(topic)).toBeNull();
  });

  it('accepts the longest legal device id', () => {
    const id = 'a'.repeat(64);
    expect(parseTopic(topicFor(id, 'telemetry'))).toEqual({ deviceId: id, kind: 'telemetry' });
  });
});
