/**
 * The only module that reads the environment (design §8). Every problem is listed at once;
 * main.ts prints them and exits 1.
 */
import { z } from 'zod';
import { parseTrustedProxies } from './http/client-address.ts';

const port = (fallback: number) =>
  z.coerce.number({ error: 'must be a port number' }).int('must be a whole number').min(0).max(65_535).default(fallback);
const optionalText = z.string().trim().min(1).optional().or(z.literal('').transform(() => undefined));
const optionalPort = z.union([z.literal('').transform(() => undefined), z.coerce.number().int().min(0).max(65_535)]).optional();

export const ConfigSchema = z.object({
  HTTP_PORT: port(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  MQTT_PORT: port(1883),
  MQTTS_PORT: optionalPort,
  MQTT_WS_PORT: port(8083),
  TLS_CERT: optionalText,
  TLS_KEY: optionalText,
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://').optional()
    .or(z.literal('').transform(() => undefined)),
  DATA_DIR: z.string().min(1).default('./data'),
  PUBLIC_URL: z.url('must be a URL such as https://dash.example.com').optional().or(z.literal('').transform(() => undefined)),
  ADMIN_EMAIL: z.email('must be an e-mail address').default('admin@dash.local'),
  ADMIN_PASSWORD: z.string().min(8, 'must be at least 8 characters').optional().or(z.literal('').transform(() => undefined)),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SMTP_URL: optionalText,
  SERVER_URL: z.url('must be the server URL, e.g. http://dash-server:3000').optional().or(z.literal('').transform(() => undefined)),
  GATEWAY_TOKEN: z.string().min(16, 'must be at least 16 characters').optional().or(z.literal('').transform(() => undefined)),
  PRESS_RATE_LIMIT: z.coerce.number().int().positive().default(30),
  /** After resolution, a press on a reporting button reopens the ticket for this long. */
  CONFIRM_WINDOW_MIN: z.coerce.number().min(0).default(30),
  /** Resolved tickets close by themselves after this long. */
  AUTO_CLOSE_HOURS: z.coerce.number().min(0).default(72),
  /** Mains devices `lost` longer than this open a device-health ticket. */
  LOST_GRACE_MIN: z.coerce.number().min(0).default(5),
  /** How often device health (offline, missed check-in, battery) is checked. */
  HEALTH_SWEEP_S: z.coerce.number().min(1).default(30),
  MAIL_FROM: z.string().min(3).default('Dash <dash@localhost>'),
  /** SMS through an HTTP gateway: a URL template with {to} and {text}, e.g. https://sms.example/send?to={to}&text={text}. */
  SMS_URL_TEMPLATE: optionalText,
  SMS_METHOD: z.enum(['GET', 'POST']).default('POST'),
  NOTIFY_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
  TELEMETRY_FLUSH_MS: z.coerce.number().int().min(0).default(1000),
  /**
   * Reverse proxies in front of the HTTP port (comma-separated addresses or CIDR ranges, e.g.
   * `127.0.0.1,10.0.0.0/8`): only from them is `X-Forwarded-For` believed (login throttling counts per client).
   */
  TRUSTED_PROXIES: z.string().default('').transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean))
    .superRefine((entries, ctx) => {
      for (const problem of parseTrustedProxies(entries).problems) ctx.addIssue({ code: 'custom', message: problem });
    }),
});

export type Config = z.infer<typeof ConfigSchema>;
export type Role = 'all-in-one' | 'server' | 'gateway';

export type ConfigResult = { ok: true; config: Config } | { ok: false; problems: string[] };

/** Validates `env` for the given process role; never reads `process.env` itself. */
export function loadConfig(env: Record<string, string | undefined>, role: Role = 'all-in-one'): ConfigResult {
  const parsed = ConfigSchema.safeParse(env);
  const problems = parsed.success ? [] : parsed.error.issues.map((i) => {
    const name = String(i.path[0] ?? '(env)');
    const got = env[name];
    return `${name}: ${i.message}${got === undefined ? '' : ` (got "${got}")`}`;
  });
  problems.push(...combinationProblems(env, role));
  return problems.length ? { ok: false, problems } : { ok: true, config: (parsed as { data: Config }).data };
}

const given = (v: string | undefined) => v !== undefined && v.trim() !== '';

/** Settings that only make sense together; checked on the raw values so they show with the rest. */
function combinationProblems(env: Record<string, string | undefined>, role: Role): string[] {
  const problems: string[] = [];
  if (given(env.MQTTS_PORT) && (!given(env.TLS_CERT) || !given(env.TLS_KEY))) problems.push('MQTTS_PORT: needs TLS_CERT and TLS_KEY (paths to PEM files)');
  if (given(env.TLS_CERT) !== given(env.TLS_KEY)) problems.push('TLS_CERT/TLS_KEY: set both or neither');
  if (role === 'gateway' && (!given(env.SERVER_URL) || !given(env.GATEWAY_TOKEN))) {
    problems.push('SERVER_URL and GATEWAY_TOKEN: a split gateway needs both to reach the server');
  }
  if (role === 'server' && !given(env.GATEWAY_TOKEN)) problems.push('GATEWAY_TOKEN: a split server needs it to accept presses from its gateways');
  if (role !== 'all-in-one' && !given(env.DATABASE_URL)) problems.push('DATABASE_URL: split mode runs every process on one PostgreSQL; set DATABASE_URL');
  return problems;
}
