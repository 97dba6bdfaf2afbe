/**
 * The device contract, version 1 (design §2): every topic and its payload, declared once.
 * Imported by the gateway, the simulator, the Pi firmware and the tests.
 */
import { z } from 'zod';

export const CONTRACT_VERSION = 1;
/** Payloads larger than this are refused before parsing (design §2). */
export const MAX_PAYLOAD_BYTES = 4096;
export const TOPIC_ROOT = 'dash';

export const DeviceId = z.string().regex(/^[a-z0-9-]{3,64}$/, 'device id must be 3–64 of [a-z0-9-]');
export type DeviceId = z.infer<typeof DeviceId>;

export const PressAction = z.enum(['single', 'double', 'hold']);
export type PressAction = z.infer<typeof PressAction>;

export const PressPayload = z.strictObject({
  v: z.literal(1),
  pressId: z.string().min(1).max(64).regex(/^[A-Za-z0-9._:-]+$/, 'pressId must be [A-Za-z0-9._:-]'),
  seq: z.number().int().nonnegative(),
  button: z.number().int().min(0).max(15).default(0),
  action: PressAction.default('single'),
  pressedAt: z.number().int().positive().optional(),
  ageMs: z.number().int().nonnegative().optional(),
  queued: z.boolean().optional(),
});
export type PressPayload = z.infer<typeof PressPayload>;

export const TelemetryPayload = z.strictObject({
  v: z.literal(1),
  batteryMv: z.number().int().min(0).max(20_000).optional(),
  batteryPct: z.number().min(0).max(100).optional(),
  rssi: z.number().int().min(-150).max(0).optional(),
  uptimeS: z.number().int().nonnegative().optional(),
  fw: z.string().max(64).optional(),
  pending: z.number().int().nonnegative().optional(),
  extra: z.record(z.string(), z.unknown()).optional(),
});
export type TelemetryPayload = z.infer<typeof TelemetryPayload>;

export const DeviceState = z.enum(['init', 'ready', 'sleeping', 'lost']);
export type DeviceState = z.infer<typeof DeviceState>;

export const AckOutcome = z.enum(['created', 'merged', 'duplicate', 'reopened', 'cancelled', 'rejected']);
export type AckOutcome = z.infer<typeof AckOutcome>;

export const RejectReason = z.enum([
  'invalid_payload', 'payload_too_large', 'rate_limited', 'unmapped_disabled', 'device_disabled', 'no_open_ticket', 'internal',
]);
export type RejectReason = z.infer<typeof RejectReason>;

export const AckPayload = z.strictObject({
  pressId: z.string(),
  outcome: AckOutcome,
  ticketNumber: z.string().optional(),
  reason: RejectReason.optional(),
});
export type AckPayload = z.infer<typeof AckPayload>;

export const LedPattern = z.enum(['off', 'received', 'acknowledged', 'resolved', 'error', 'unmapped']);
export type LedPattern = z.infer<typeof LedPattern>;

export const LedSetPayload = z.strictObject({ button: z.number().int().min(0).max(15), pattern: LedPattern });
export type LedSetPayload = z.infer<typeof LedSetPayload>;

export const ConfigPayload = z.strictObject({
  buttons: z.array(z.strictObject({ button: z.number().int().min(0).max(15), label: z.string(), color: z.string() })),
  holdMs: z.number().int().positive(),
  doubleMs: z.number().int().nonnegative(),
  heartbeatS: z.number().int().positive(),
});
export type ConfigPayload = z.infer<typeof ConfigPayload>;

/** Topic kind → payload schema, direction and QoS. The one map everything else derives from. */
export const TOPICS = {
  press: { dir: 'up', qos: 1, retain: false, schema: PressPayload },
  telemetry: { dir: 'up', qos: 1, retain: false, schema: TelemetryPayload },
  $state: { dir: 'up', qos: 1, retain: true, schema: DeviceState },
  ack: { dir: 'down', qos: 1, retain: false, schema: AckPayload },
  'led/set': { dir: 'down', qos: 1, retain: true, schema: LedSetPayload },
  config: { dir: 'down', qos: 1, retain: true, schema: ConfigPayload },
} as const;
export type TopicKind = keyof typeof TOPICS;
export type UpTopicKind = { [K in TopicKind]: (typeof TOPICS)[K]['dir'] extends 'up' ? K : never }[TopicKind];
export type DownTopicKind = Exclude<TopicKind, UpTopicKind>;
export type TopicPayload<K extends TopicKind> = z.infer<(typeof TOPICS)[K]['schema']>;

export function topicFor(deviceId: string, kind: TopicKind): string {
  return `${TOPIC_ROOT}/${deviceId}/${kind}`;
}

export type ParsedTopic = { deviceId: string; kind: TopicKind };

/** Splits `dash/<id>/<kind>`; null for anything outside the contract. */
export function parseTopic(topic: string): ParsedTopic | null {
  const match = /^dash\/([^/]+)\/(.+)$/.exec(topic);
  if (!match) return null;
  const [, deviceId, kind] = match as unknown as [string, string, string];
  if (!DeviceId.safeParse(deviceId).success || !(kind in TOPICS)) return null;
  return { deviceId, kind: kind as TopicKind };
}

export type DecodeResult<T> = { ok: true; value: T } | { ok: false; reason: RejectReason; issues: string[] };

/** Decodes an uplink payload: size limit, JSON, then the topic's schema. `$state` is a bare string. */
export function decodePayload<K extends UpTopicKind>(kind: K, payload: Uint8Array): DecodeResult<TopicPayload<K>> {
  if (payload.byteLength > MAX_PAYLOAD_BYTES) {
    return { ok: false, reason: 'payload_too_large', issues: [`payload is ${payload.byteLength} bytes, limit ${MAX_PAYLOAD_BYTES}`] };
  }
  const text = Buffer.from(payload).toString('utf8');
  let raw: unknown = text;
  if (kind !== '$state') {
    try {
      raw = JSON.parse(text);
    } catch {
      return { ok: false, reason: 'invalid_payload', issues: ['payload is not JSON'] };
    }
  }
  const parsed = TOPICS[kind].schema.safeParse(raw);
  if (!parsed.success) {
    return { ok: false, reason: 'invalid_payload', issues: parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`) };
  }
  return { ok: true, value: parsed.data as TopicPayload<K> };
}

export function encodePayload<K extends TopicKind>(kind: K, value: TopicPayload<K>): Buffer {
  return Buffer.from(kind === '$state' ? String(value) : JSON.stringify(value));
}
