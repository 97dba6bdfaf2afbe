/** The command line: parsed by node:util, validated by one zod schema that lists every problem. */
import { parseArgs } from 'node:util';
import { z } from 'zod';

export const HELP = `Usage: npm run sim -- [options]

Simulates dash buttons: provisions them through the HTTP API, then presses over MQTT.

  --devices N          simulated devices (default 5)
  --rate R             presses per minute per device, Poisson arrivals (default 2)
  --mqtt URL           broker: mqtt://, mqtts://, ws:// or wss:// (default mqtt://localhost:$MQTT_PORT, else 1883)
  --server URL         HTTP API for provisioning (default http://localhost:$HTTP_PORT, else 3000)
  --email ADDRESS      admin login (default $DASH_ADMIN_EMAIL, else admin@dash.local)
  --password SECRET    admin password (default $DASH_ADMIN_PASSWORD)
  --site CODE          site code; devices are sim-<site>-001… (default sim)
  --credentials FILE   device secrets cache, mode 0600 (default ./data/sim-devices.json)
  --duration S         stop after S seconds; 0 runs until Ctrl-C (default 0)
  --misbehave          mix in bad traffic: duplicates, bad JSON, oversize, ACL and auth faults
  --seed TEXT          seed for reproducible choices (default: random, printed at start)
  --verbose            log every ack and downlink
  -h, --help           show this help`;

const urlWith = (protocols: string[], example: string) =>
  z.string().refine((text) => URL.canParse(text) && protocols.includes(new URL(text).protocol), {
    error: `must be a URL such as ${example} (${protocols.join(' ')})`,
  });

// Every check carries its own message: zod 4 would otherwise reuse the type error's for all.
const whole = (min: number, max: number, fallback: number) =>
  z.coerce.number({ error: 'must be a number' }).int('must be a whole number')
    .min(min, `must be at least ${min}`).max(max, `must be at most ${max}`).default(fallback);

export const SimArgs = z.object({
  devices: whole(1, 5000, 5),
  rate: z.coerce.number({ error: 'must be a number' }).positive('must be above 0').max(600, 'must be at most 600').default(2),
  mqtt: urlWith(['mqtt:', 'mqtts:', 'ws:', 'wss:'], 'mqtt://localhost:1883').default('mqtt://localhost:1883'),
  server: urlWith(['http:', 'https:'], 'http://localhost:3000').default('http://localhost:3000'),
  email: z.email('must be an e-mail address').default('admin@dash.local'),
  password: z.string().min(1).optional(),
  // The server's rule for site codes; the code also becomes part of each device id.
  site: z.string().regex(/^[a-z0-9-]{2,32}$/, 'must be 2–32 of [a-z0-9-], as the server requires').default('sim'),
  credentials: z.string().min(1).default('./data/sim-devices.json'),
  duration: whole(0, 31 * 24 * 3600, 0),
  misbehave: z.boolean().default(false),
  seed: z.string().min(1).optional(),
  verbose: z.boolean().default(false),
});
export type SimArgs = z.infer<typeof SimArgs>;

export type ArgsResult = { kind: 'run'; args: SimArgs } | { kind: 'help' } | { kind: 'invalid'; problems: string[] };

const text = { type: 'string' } as const;
const flag = { type: 'boolean' } as const;
const OPTIONS = {
  devices: text, rate: text, mqtt: text, server: text, email: text, password: text, site: text,
  credentials: text, duration: text, seed: text, misbehave: flag, verbose: flag, help: { type: 'boolean', short: 'h' },
} as const;

/**
 * Env supplies defaults only: the admin login, and the ports Dash was started with
 * (`HTTP_PORT`, `MQTT_PORT`, as for `npm start`), so the same shell reaches it. Empty values count as unset.
 */
export type SimEnv = {
  DASH_ADMIN_EMAIL?: string | undefined; DASH_ADMIN_PASSWORD?: string | undefined;
  HTTP_PORT?: string | undefined; MQTT_PORT?: string | undefined;
};

export function parseSimArgs(argv: readonly string[], env: SimEnv): ArgsResult {
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseArgs({ args: [...argv], options: OPTIONS, strict: true, allowPositionals: false }).values;
  } catch (error) {
    return { kind: 'invalid', problems: [(error as Error).message] };
  }
  if (values.help) return { kind: 'help' };
  const input = {
    ...values,
    email: values.email ?? (env.DASH_ADMIN_EMAIL || undefined),
    password: values.password ?? (env.DASH_ADMIN_PASSWORD || undefined),
    server: values.server ?? (env.HTTP_PORT ? `http://localhost:${env.HTTP_PORT}` : undefined),
    mqtt: values.mqtt ?? (env.MQTT_PORT ? `mqtt://localhost:${env.MQTT_PORT}` : undefined),
  };
  const parsed = SimArgs.safeParse(input);
  if (parsed.success) return { kind: 'run', args: parsed.data };
  return {
    kind: 'invalid',
    problems: parsed.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? 'arguments');
      const got = values[name];
      const shown = name === 'password' || typeof got !== 'string' ? '' : ` (got "${got}")`;
      return `--${name}: ${issue.message}${shown}`;
    }),
  };
}
