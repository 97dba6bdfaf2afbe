/**
 * The Pi panel's configuration file: one JSON object, validated at start with every problem
 * listed (style.md). Device identity and broker come from provisioning (design §2).
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { DeviceId } from '../../../gateway/src/mqtt/contract.ts';
import { DEFAULT_CPU_TEMP_FILE, DEFAULT_JOURNAL_DIR, DEFAULT_WIRELESS_FILE } from './default-config.ts';
import { Probe } from './probes.ts';

const Button = z.number().int().min(0).max(15);
const Pin = z.number().int().min(0).max(53);

const Io = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('raspi') }),
  z.strictObject({ kind: z.literal('gpiod'), chip: z.string().default('gpiochip0'), tools: z.enum(['v1', 'v2']).default('v2') }),
  z.strictObject({ kind: z.literal('keyboard') }),
]);

export const PiConfig = z.strictObject({
  deviceId: DeviceId,
  secret: z.string().min(1, 'the device secret from provisioning is required'),
  brokerUrl: z.url({ protocol: /^(mqtt|mqtts|ws|wss)$/, error: 'brokerUrl must be mqtt://, mqtts://, ws:// or wss://' }),
  caFile: z.string().optional(),
  io: Io.default({ kind: 'raspi' }),
  buttons: z.array(z.strictObject({
    button: Button, pin: Pin,
    pullup: z.boolean().default(true),
    singleOnly: z.boolean().default(false),
  })).min(1, 'at least one button').max(8, 'at most 8 buttons'),
  leds: z.array(z.strictObject({ button: Button, pin: Pin })).max(8).default([]),
  journalDir: z.string().min(1).default(DEFAULT_JOURNAL_DIR),
  press: z.strictObject({
    debounceMs: z.number().int().min(0).max(200).default(20),
    doubleMs: z.number().int().min(0).max(5000).default(400),
    holdMs: z.number().int().min(200).max(60_000).default(1500),
  }).default({ debounceMs: 20, doubleMs: 400, holdMs: 1500 }),
  heartbeatS: z.number().int().min(5).default(60),
  ackTimeoutMs: z.number().int().min(1000).default(15_000),
  /** Jittered exponential reconnect delays (firmware/shared/backoff.ts). */
  reconnect: z.strictObject({ baseMs: z.number().int().min(100), maxMs: z.number().int().min(100) }).default({ baseMs: 1000, maxMs: 60_000 }),
  clockSyncedFile: z.string().optional(),
  cpuTempFile: z.string().default(DEFAULT_CPU_TEMP_FILE),
  wirelessFile: z.string().default(DEFAULT_WIRELESS_FILE),
  probes: z.array(Probe).default([]),
}).superRefine((config, ctx) => {
  const buttons = new Set<number>();
  const pins = new Map<number, string>();
  const claim = (pin: number, what: string, path: (string | number)[]) => {
    const owner = pins.get(pin);
    if (owner) ctx.addIssue({ code: 'custom', path, message: `pin ${pin} is already used by ${owner}` });
    pins.set(pin, what);
  };
  config.buttons.forEach((b, i) => {
    if (buttons.has(b.button)) ctx.addIssue({ code: 'custom', path: ['buttons', i, 'button'], message: `button ${b.button} is listed twice` });
    buttons.add(b.button);
    claim(b.pin, `button ${b.button}`, ['buttons', i, 'pin']);
  });
  config.leds.forEach((l, i) => {
    if (!buttons.has(l.button)) ctx.addIssue({ code: 'custom', path: ['leds', i, 'button'], message: `LED for button ${l.button}, which is not in buttons` });
    claim(l.pin, `the LED of button ${l.button}`, ['leds', i, 'pin']);
  });
  const names = config.probes.map((p) => p.name);
  if (new Set(names).size !== names.length) ctx.addIssue({ code: 'custom', path: ['probes'], message: 'probe names must be unique' });
});
export type PiConfig = z.infer<typeof PiConfig>;

export type LoadResult = { ok: true; config: PiConfig } | { ok: false; problems: string[] };

/** Parses a config object; every problem as `path: message`. */
export function parsePiConfig(raw: unknown): LoadResult {
  const parsed = PiConfig.safeParse(raw);
  if (parsed.success) return { ok: true, config: parsed.data };
  return { ok: false, problems: parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`) };
}

export function loadPiConfig(path: string): LoadResult {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    return { ok: false, problems: [`${path}: cannot read (${(err as NodeJS.ErrnoException).code ?? String(err)})`] };
  }
  try {
    return parsePiConfig(JSON.parse(text));
  } catch (err) {
    return { ok: false, problems: [`${path}: not JSON (${(err as Error).message})`] };
  }
}
