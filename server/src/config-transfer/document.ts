/**
 * The configuration document of `GET|PUT /api/config` (design §7): the whole set-up of one
 * installation as JSON, every reference by natural key (site code, category key, calendar,
 * team and policy name, user e-mail, device id, webhook name), never a database id, so it
 * imports into another installation. Secrets are never in it.
 *
 * Only the natural key and the fields a new row needs are required: a field left out of an
 * entry keeps its current value on update (and its default on create).
 */
import { z } from 'zod';
import { DeviceId } from '../../../gateway/src/mqtt/contract.ts';
import { DEVICE_KINDS, PRIORITIES, ROLES, TICKET_SOURCES } from '../db/schema.ts';
import { NOTIFY_EVENT_TYPES } from '../notify/domain/event-types.ts';
import { CalendarInput } from '../http/routes/calendars.ts';
import { TimeZone } from '../http/routes/sites.ts';

export const CONFIG_VERSION = 1;
const LANGUAGES = ['en', 'pl', 'tr', 'fa'] as const;

const Name = z.string().trim().min(1).max(200);
const Email = z.email('must be an e-mail address').max(320).transform((e) => e.toLowerCase());
const PerLanguage = z.partialRecord(z.enum(['pl', 'tr', 'fa', 'en'], { error: 'must be en, pl, tr or fa' }), z.string().max(10_000));
const Minutes = z.number().positive().max(366 * 24 * 60);
const Target = z.strictObject({ responseMinutes: Minutes, resolutionMinutes: Minutes })
  .refine((t) => t.resolutionMinutes >= t.responseMinutes, 'resolutionMinutes must not be shorter than responseMinutes');

export const ConfigCalendar = CalendarInput;

export const ConfigTeam = z.strictObject({
  name: Name,
  email: z.email().max(320).nullable().optional(),
  /** Members by e-mail: users of the document or of the installation. */
  members: z.array(Email).max(1000).optional(),
});

export const ConfigCategory = z.strictObject({
  key: z.string().regex(/^[a-z0-9-]{2,40}$/, 'must be 2–40 of a-z, 0-9 and -'),
  name: Name,
  names: PerLanguage.optional(),
  defaultPriority: z.enum(PRIORITIES).optional(),
  team: Name.nullable().optional(),
  kbArticle: z.string().max(10_000).nullable().optional(),
  kbArticles: PerLanguage.optional(),
});

const Contact = z.strictObject({ name: z.string().max(200).optional(), email: z.email().optional(), phone: z.string().max(40).optional() });

export const ConfigSite = z.strictObject({
  code: z.string().regex(/^[a-z0-9-]{2,32}$/, 'must be 2–32 of a-z, 0-9 and -'),
  name: Name,
  timezone: TimeZone.optional(),
  tier: z.string().trim().min(1).max(40).optional(),
  language: z.enum(LANGUAGES).nullable().optional(),
  calendar: Name.nullable().optional(),
  contacts: z.array(Contact).max(20).optional(),
});

export const ConfigUser = z.strictObject({
  email: Email,
  name: Name,
  role: z.enum(ROLES),
  site: z.string().nullable().optional(),
  // The same rule as people/user-input.ts.
  phone: z.string().trim().regex(/^\+?[0-9][0-9 ()-]{2,39}$/, 'must be a phone number such as +48 600 100 200').nullable().optional(),
  language: z.enum(LANGUAGES).nullable().optional(),
  capacity: z.number().int().min(0).max(1000).optional(),
  available: z.boolean().optional(),
  disabled: z.boolean().optional(),
});

export const ConfigSlaPolicy = z.strictObject({
  name: Name,
  order: z.number().int().min(0).max(100_000).optional(),
  calendar: Name.nullable().optional(),
  enabled: z.boolean().optional(),
  conditions: z.strictObject({
    tiers: z.array(z.string().min(1)).optional(),
    sites: z.array(z.string()).optional(),
    categories: z.array(z.string()).optional(),
    priorities: z.array(z.enum(PRIORITIES)).optional(),
    sources: z.array(z.enum(TICKET_SOURCES)).optional(),
  }).optional(),
  targets: z.strictObject({ P1: Target, P2: Target, P3: Target, P4: Target }),
  reminderPercents: z.array(z.number().int().min(1).max(99)).max(5).optional(),
  escalation: z.strictObject({
    users: z.array(Email).optional(),
    emails: z.array(z.email()).optional(),
    repeatMinutes: z.number().int().min(5).max(7 * 24 * 60).optional(),
  }).optional(),
});

export const ConfigButton = z.strictObject({
  button: z.number().int().min(0).max(15),
  category: z.string(),
  label: z.string().max(40).nullable().optional(),
  color: z.string().max(20).nullable().optional(),
});

export const ConfigDevice = z.strictObject({
  id: DeviceId,
  name: Name,
  site: z.string(),
  kind: z.enum(DEVICE_KINDS).optional(),
  buttonCount: z.number().int().min(1).max(16).optional(),
  heartbeatS: z.number().int().min(10).max(7 * 86_400).optional(),
  disabled: z.boolean().optional(),
  /** Mappings are added or changed, never removed by an import. */
  buttons: z.array(ConfigButton).max(16).optional(),
});

export const ConfigWebhook = z.strictObject({
  name: Name,
  url: z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' }).max(2000),
  events: z.array(z.enum([...NOTIFY_EVENT_TYPES, '*'])).min(1).max(20).optional(),
  enabled: z.boolean().optional(),
});

export const ConfigDocument = z.strictObject({
  dash: z.literal('config', { error: 'must be "config" (a Dash configuration document)' }),
  version: z.literal(CONFIG_VERSION, { error: `must be ${CONFIG_VERSION}: this Dash reads version ${CONFIG_VERSION} documents` }),
  exportedAt: z.string().optional(),
  calendars: z.array(ConfigCalendar).max(1000).default([]),
  teams: z.array(ConfigTeam).max(1000).default([]),
  categories: z.array(ConfigCategory).max(1000).default([]),
  sites: z.array(ConfigSite).max(10_000).default([]),
  users: z.array(ConfigUser).max(10_000).default([]),
  slaPolicies: z.array(ConfigSlaPolicy).max(1000).default([]),
  devices: z.array(ConfigDevice).max(20_000).default([]),
  webhooks: z.array(ConfigWebhook).max(200).default([]),
});
export type ConfigDocument = z.infer<typeof ConfigDocument>;
export type ConfigCalendar = z.infer<typeof ConfigCalendar>;
export type ConfigTeam = z.infer<typeof ConfigTeam>;
export type ConfigCategory = z.infer<typeof ConfigCategory>;
export type ConfigSite = z.infer<typeof ConfigSite>;
export type ConfigUser = z.infer<typeof ConfigUser>;
export type ConfigSlaPolicy = z.infer<typeof ConfigSlaPolicy>;
export type ConfigDevice = z.infer<typeof ConfigDevice>;
export type ConfigWebhook = z.infer<typeof ConfigWebhook>;
