/**
 * `--misbehave`: the bad traffic a broken or hostile device might send, built as data so the
 * device only has to publish it. Each kind names what the gateway is expected to do about it.
 */
import { encodePayload, MAX_PAYLOAD_BYTES, topicFor, type PressPayload } from '../../../gateway/src/mqtt/contract.ts';
import { pickWeighted, type Rng } from './random.ts';

export const MISBEHAVIOURS = [
  'double-publish', 'malformed-json', 'missing-press-id', 'oversized', 'wrong-topic', 'foreign-topic', 'wrong-password',
] as const;
export type Misbehaviour = (typeof MISBEHAVIOURS)[number];

/** Share of press events replaced by bad traffic when `--misbehave` is on. */
export const MISBEHAVE_SHARE = 0.2;

/**
 * Payload faults are common; ACL faults (which cost the device its connection) and wrong
 * passwords are rarer so the run still shows normal traffic.
 */
const WEIGHTS: Record<Misbehaviour, number> = {
  'double-publish': 30, 'malformed-json': 20, 'missing-press-id': 15, oversized: 15,
  'wrong-topic': 8, 'foreign-topic': 7, 'wrong-password': 5,
};

export function chooseMisbehaviour(rng: Rng): Misbehaviour {
  return pickWeighted(rng, WEIGHTS);
}

/** What the contract says should happen (design §2). */
export type Expectation = 'duplicate-ack' | 'rejected-ack' | 'denied' | 'auth-refused';

export const EXPECTED: Record<Misbehaviour, Expectation> = {
  'double-publish': 'duplicate-ack',
  'malformed-json': 'rejected-ack',
  'missing-press-id': 'rejected-ack',
  oversized: 'rejected-ack',
  'wrong-topic': 'denied',
  'foreign-topic': 'denied',
  'wrong-password': 'auth-refused',
};

export type BadPublish = { topic: string; payload: Buffer };

/**
 * The publish for a payload or ACL fault, built around an otherwise valid `press`.
 * `double-publish` and `wrong-password` are not single publishes and return null.
 */
export function badPublish(kind: Misbehaviour, deviceId: string, peerId: string, press: PressPayload): BadPublish | null {
  const pressTopic = topicFor(deviceId, 'press');
  switch (kind) {
    case 'malformed-json':
      return { topic: pressTopic, payload: Buffer.from(encodePayload('press', press).toString('utf8').slice(0, -7)) };
    case 'missing-press-id': {
      const { pressId: _dropped, ...rest } = press;
      return { topic: pressTopic, payload: Buffer.from(JSON.stringify(rest)) };
    }
    case 'oversized':
      // Well-formed JSON that is only wrong by its size: 5 KiB against the 4 KiB limit.
      return { topic: pressTopic, payload: Buffer.from(JSON.stringify({ ...press, pad: 'x'.repeat(MAX_PAYLOAD_BYTES + 1024) })) };
    case 'wrong-topic':
      return { topic: `dash/${deviceId}/nonsense`, payload: encodePayload('press', press) };
    case 'foreign-topic':
      return { topic: topicFor(peerId, 'press'), payload: encodePayload('press', press) };
    case 'double-publish':
    case 'wrong-password':
      return null;
  }
}
