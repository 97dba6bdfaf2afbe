/**
 * The one database schema (design §3, §5). Row types are inferred: `typeof tickets.$inferSelect`.
 * SQL names are snake_case through drizzle's `casing` option (see client.ts and drizzle.config.ts).
 */
import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn, bigint, boolean, index, integer, jsonb, pgTable, primaryKey, real, text, timestamp, uniqueIndex, uuid,
} from 'drizzle-orm/pg-core';

const ts = (name?: string) => (name ? timestamp(name, { withTimezone: true }) : timestamp({ withTimezone: true }));
const createdAt = () => ts().notNull().defaultNow();

export const PRIORITIES = ['P1', 'P2', 'P3', 'P4'] as const;
export type Priority = (typeof PRIORITIES)[number];
export const TICKET_STATUSES = ['new', 'acknowledged', 'in_progress', 'pending', 'resolved', 'closed', 'cancelled'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];
/** A ticket in one of these takes further presses of its (site, category). */
export const OPEN_STATUSES = ['new', 'acknowledged', 'in_progress', 'pending'] as const satisfies readonly TicketStatus[];
export const TICKET_SOURCES = ['button', 'virtual', 'device_health', 'manual', 'api'] as const;
export type TicketSource = (typeof TICKET_SOURCES)[number];
export const ROLES = ['admin', 'manager', 'agent', 'staff'] as const;
export type Role = (typeof ROLES)[number];
export const DEVICE_KINDS = ['esp32', 'pi', 'virtual', 'other'] as const;
export type DeviceKind = (typeof DEVICE_KINDS)[number];

export const sites = pgTable('sites', {
  id: uuid().primaryKey().defaultRandom(),
  code: text().notNull().unique(),
  name: text().notNull(),
  timezone: text().notNull().default('UTC'),
  tier: text().notNull().default('standard'),
  calendarId: uuid().references((): AnyPgColumn => calendars.id, { onDelete: 'set null' }),
  language: text(),
  contacts: jsonb().$type<{ name?: string; email?: string; phone?: string }[]>().notNull().default([]),
  /** Secret of the site's status board link `/status/<code>?t=…` (null: no link); never sent by the site routes. */
  statusToken: text().unique(),
  createdAt: createdAt(),
  updatedAt: createdAt(),
}, (t) => [index().on(t.calendarId)]);

export const categories = pgTable('categories', {
  id: uuid().primaryKey().defaultRandom(),
  key: text().notNull().unique(),
  name: text().notNull(),
  defaultPriority: text().$type<Priority>().notNull().default('P3'),
  teamId: uuid().references((): AnyPgColumn => teams.id, { onDelete: 'set null' }),
  kbArticle: text(),
  /** Per-language overrides of `name` and `kbArticle` (issue 8), keyed by locale (`pl`, `tr`, `fa`); missing ones fall back to the plain columns. */
  names: jsonb().$type<Record<string, string>>().notNull().default({}),
  kbArticles: jsonb().$type<Record<string, string>>().notNull().default({}),
  /** Built-in categories (`triage`, `device-health`) cannot be deleted. */
  builtIn: boolean().notNull().default(false),
  createdAt: createdAt(),
  updatedAt: createdAt(),
}, (t) => [index().on(t.teamId)]);

export type DayKey = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';
export type TimeRange = { start: string; end: string };
export type Holiday = { date: string; name: string; start?: string; end?: string };

export const calendars = pgTable('calendars', {
  id: uuid().primaryKey().defaultRandom(),
  name: text().notNull().unique(),
  timezone: text().notNull(),
  hours: jsonb().$type<Record<DayKey, TimeRange[]>>().notNull(),
  holidays: jsonb().$type<Holiday[]>().notNull().default([]),
  createdAt: createdAt(),
  updatedAt: createdAt(),
});

export type SlaConditions = { tiers?: string[]; siteIds?: string[]; categoryIds?: string[]; priorities?: Priority[]; sources?: TicketSource[] };
export type SlaTargets = Record<Priority, { responseMinutes: number; resolutionMinutes: number }>;
export type SlaEscalation = { userIds?: string[]; emails?: string[]; repeatMinutes?: number };

export const slaPolicies = pgTable('sla_policies', {
  id: uuid().primaryKey().defaultRandom(),
  name: text().notNull().unique(),
  order: integer().notNull().default(100),
  calendarId: uuid().references(() => calendars.id, { onDelete: 'restrict' }),
  conditions: jsonb().$type<SlaConditions>().notNull().default({}),
  targets: jsonb().$type<SlaTargets>().notNull(),
  reminderPercents: jsonb().$type<number[]>().notNull().default([75]),
  escalation: jsonb().$type<SlaEscalation>().notNull().default({}),
  enabled: boolean().notNull().default(true),
  createdAt: createdAt(),
  updatedAt: createdAt(),
}, (t) => [index().on(t.calendarId), index().on(t.order)]);

/** The latest presence and telemetry of a device: what a press ticket copies as its snapshot. */
export type DeviceSnapshot = {
  state: string | null;
  lastSeenAt: string | null;
  batteryMv: number | null;
  batteryPct: number | null;
  rssi: number | null;
  uptimeS: number | null;
  fw: string | null;
  pending: number | null;
  extra: Record<string, unknown> | null;
  telemetryAt: string | null;
};

export const devices = pgTable('devices', {
  id: text().primaryKey(),
  name: text().notNull(),
  siteId: uuid().notNull().references(() => sites.id, { onDelete: 'restrict' }),
  kind: text().$type<DeviceKind>().notNull().default('esp32'),
  buttonCount: integer().notNull().default(1),
  secretHash: text().notNull(),
  disabled: boolean().notNull().default(false),
  unmapped: boolean().notNull().default(false),
  heartbeatS: integer().notNull().default(3600),
  state: text(),
  stateAt: ts(),
  lastSeenAt: ts(),
  batteryMv: integer(),
  batteryPct: real(),
  rssi: integer(),
  uptimeS: integer(),
  fw: text(),
  pending: integer(),
  extra: jsonb().$type<Record<string, unknown>>(),
  telemetryAt: ts(),
  /** Reference reading for the battery days-left estimate: the highest level since the last charge or swap, and when it was seen. */
  batteryRefPct: real(),
  batteryRefAt: ts(),
  createdAt: createdAt(),
  updatedAt: createdAt(),
}, (t) => [index().on(t.siteId)]);

export const deviceButtons = pgTable('device_buttons', {
  deviceId: text().notNull().references(() => devices.id, { onDelete: 'cascade' }),
  button: integer().notNull(),
  categoryId: uuid().notNull().references(() => categories.id, { onDelete: 'restrict' }),
  label: text(),
  color: text(),
}, (t) => [primaryKey({ columns: [t.deviceId, t.button] }), index().on(t.categoryId)]);

export const users = pgTable('users', {
  id: uuid().primaryKey().defaultRandom(),
  email: text().notNull().unique(),
  name: text().notNull(),
  role: text().$type<Role>().notNull(),
  siteId: uuid().references(() => sites.id, { onDelete: 'set null' }),
  passwordHash: text().notNull(),
  phone: text(),
  /** Preferred language (`en`, `pl`, `tr`, `fa`); null: the site's, then the browser's. */
  language: text(),
  /** Most open tickets auto-assignment gives this agent at once. */
  capacity: integer().notNull().default(10),
  available: boolean().notNull().default(true),
  disabled: boolean().notNull().default(false),
  createdAt: createdAt(),
  updatedAt: createdAt(),
}, (t) => [index().on(t.siteId)]);

export const teams = pgTable('teams', {
  id: uuid().primaryKey().defaultRandom(),
  name: text().notNull().unique(),
  email: text(),
  createdAt: createdAt(),
  updatedAt: createdAt(),
});

export const teamMembers = pgTable('team_members', {
  teamId: uuid().notNull().references(() => teams.id, { onDelete: 'cascade' }),
  userId: uuid().notNull().references(() => users.id, { onDelete: 'cascade' }),
}, (t) => [primaryKey({ columns: [t.teamId, t.userId] }), index().on(t.userId)]);

export const apiTokens = pgTable('api_tokens', {
  id: uuid().primaryKey().defaultRandom(),
  name: text().notNull(),
  /** SHA-256 of the token: the token itself is shown once. */
  tokenHash: text().notNull().unique(),
  /** The token acts with this role; `scopes` narrows it further (e.g. `tickets:write`). */
  role: text().$type<Role>().notNull(),
  scopes: jsonb().$type<string[]>().notNull().default([]),
  createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
  lastUsedAt: ts(),
  revokedAt: ts(),
  createdAt: createdAt(),
}, (t) => [index().on(t.createdBy)]);

export const loginThrottle = pgTable('login_throttle', {
  /** `email:<address>` or `ip:<address>`. */
  key: text().primaryKey(),
  failures: integer().notNull().default(0),
  windowStart: ts().notNull(),
  lockedUntil: ts(),
});

export const sessions = pgTable('sessions', {
  /** SHA-256 of the cookie value: a leaked table does not leak sessions. */
  tokenHash: text().primaryKey(),
  userId: uuid().notNull().references(() => users.id, { onDelete: 'cascade' }),
  expiresAt: ts().notNull(),
  createdAt: createdAt(),
}, (t) => [index().on(t.userId)]);

export const tickets = pgTable('tickets', {
  id: uuid().primaryKey().defaultRandom(),
  number: integer().generatedAlwaysAsIdentity().unique(),
  status: text().$type<TicketStatus>().notNull().default('new'),
  priority: text().$type<Priority>().notNull(),
  source: text().$type<TicketSource>().notNull(),
  siteId: uuid().notNull().references(() => sites.id, { onDelete: 'restrict' }),
  categoryId: uuid().notNull().references(() => categories.id, { onDelete: 'restrict' }),
  deviceId: text().references(() => devices.id, { onDelete: 'set null' }),
  title: text().notNull(),
  openedAt: ts().notNull(),
  lastPressAt: ts(),
  acknowledgedAt: ts(),
  resolvedAt: ts(),
  closedAt: ts(),
  pressCount: integer().notNull().default(0),
  /** Start of the window in which repeated presses last raised the priority. */
  repeatRaisedAt: ts(),
  assigneeId: uuid().references(() => users.id, { onDelete: 'set null' }),
  teamId: uuid().references(() => teams.id, { onDelete: 'set null' }),
  /** Device-health tickets: the cause (`offline`, `missed_checkin`, `battery_low`); one open per device and cause. */
  healthCause: text(),
  slaPolicyId: uuid().references(() => slaPolicies.id, { onDelete: 'set null' }),
  /** Periods in `pending`, when the resolution clock stops: [{from, to?}] in ISO time. */
  pauses: jsonb().$type<{ from: string; to?: string }[]>().notNull().default([]),
  /** Version of the SLA timers; jobs of an older version are stale. */
  slaVersion: integer().notNull().default(0),
  reopenCount: integer().notNull().default(0),
  /** Until then a press on a reporting button reopens the resolved ticket ("still broken"). */
  confirmUntil: ts(),
  responseDueAt: ts(),
  resolutionDueAt: ts(),
  responseBreached: boolean().notNull().default(false),
  resolutionBreached: boolean().notNull().default(false),
  snapshot: jsonb().$type<DeviceSnapshot>(),
  createdAt: createdAt(),
  updatedAt: createdAt(),
}, (t) => [
  index().on(t.siteId),
  index().on(t.categoryId),
  index().on(t.deviceId),
  index().on(t.assigneeId),
  index().on(t.teamId),
  index().on(t.slaPolicyId),
  index().on(t.status, t.openedAt),
  // Level-2 dedup, enforced by the database as well as in code (design §3). Device-health
  // tickets are per device and cause instead.
  uniqueIndex('tickets_one_open_per_site_category')
    .on(t.siteId, t.categoryId)
    .where(sql`status in ('new', 'acknowledged', 'in_progress', 'pending') and source <> 'device_health'`),
  uniqueIndex('tickets_one_open_per_device_cause')
    .on(t.deviceId, t.healthCause)
    .where(sql`status in ('new', 'acknowledged', 'in_progress', 'pending') and source = 'device_health'`),
]);

export const PRESS_OUTCOMES = ['created', 'merged', 'duplicate', 'reopened', 'cancelled', 'rejected'] as const;

export const presses = pgTable('presses', {
  id: uuid().primaryKey().defaultRandom(),
  // restrict: a device with press history is disabled, not deleted.
  deviceId: text().notNull().references(() => devices.id, { onDelete: 'restrict' }),
  pressId: text().notNull(),
  seq: bigint({ mode: 'number' }).notNull(),
  button: integer().notNull(),
  action: text().notNull(),
  pressedAt: ts().notNull(),
  receivedAt: ts().notNull(),
  queued: boolean().notNull().default(false),
  outcome: text().$type<(typeof PRESS_OUTCOMES)[number]>().notNull(),
  reason: text(),
  ticketId: uuid().references(() => tickets.id, { onDelete: 'set null' }),
  categoryId: uuid().references(() => categories.id, { onDelete: 'set null' }),
  snapshot: jsonb().$type<DeviceSnapshot>(),
}, (t) => [
  // Level-1 dedup: one record per press, whatever the retries (design §2).
  uniqueIndex('presses_device_press_id').on(t.deviceId, t.pressId),
  index().on(t.deviceId, t.receivedAt),
  index().on(t.ticketId),
  index().on(t.categoryId),
]);

export const ticketEvents = pgTable('ticket_events', {
  id: uuid().primaryKey().defaultRandom(),
  ticketId: uuid().notNull().references(() => tickets.id, { onDelete: 'cascade' }),
  type: text().notNull(),
  actor: text().notNull(),
  fromStatus: text(),
  toStatus: text(),
  note: text(),
  data: jsonb().$type<Record<string, unknown>>(),
  at: ts().notNull(),
}, (t) => [index().on(t.ticketId, t.at)]);

export const auditLog = pgTable('audit_log', {
  id: uuid().primaryKey().defaultRandom(),
  actor: text().notNull(),
  action: text().notNull(),
  entityType: text().notNull(),
  entityId: text(),
  data: jsonb().$type<Record<string, unknown>>(),
  at: ts().notNull().defaultNow(),
}, (t) => [index().on(t.entityType, t.entityId), index().on(t.at)]);

/**
 * Timers (design §4): every reminder, breach, escalation and delayed effect is a row, written in
 * the transaction that causes it, claimed with FOR UPDATE SKIP LOCKED and a lease.
 */
export const jobs = pgTable('jobs', {
  id: uuid().primaryKey().defaultRandom(),
  kind: text().notNull(),
  /** Idempotency: the same cause schedules the same key once. */
  key: text().notNull().unique(),
  ticketId: uuid().references(() => tickets.id, { onDelete: 'cascade' }),
  deviceId: text().references(() => devices.id, { onDelete: 'cascade' }),
  dueAt: ts().notNull(),
  payload: jsonb().$type<Record<string, unknown>>().notNull().default({}),
  status: text().$type<'pending' | 'done' | 'cancelled' | 'failed'>().notNull().default('pending'),
  attempts: integer().notNull().default(0),
  lockedUntil: ts(),
  lockedBy: text(),
  lastError: text(),
  doneAt: ts(),
  createdAt: createdAt(),
}, (t) => [
  index('jobs_pending_due').on(t.dueAt).where(sql`status = 'pending'`),
  index().on(t.ticketId),
  index().on(t.deviceId),
]);

export const webhooks = pgTable('webhooks', {
  id: uuid().primaryKey().defaultRandom(),
  name: text().notNull(),
  url: text().notNull(),
  secret: text().notNull(),
  events: jsonb().$type<string[]>().notNull().default(['*']),
  enabled: boolean().notNull().default(true),
  createdAt: createdAt(),
  updatedAt: createdAt(),
});

/** The notifications outbox: written in the transaction of the change or job that causes it. */
export const notifications = pgTable('notifications', {
  id: uuid().primaryKey().defaultRandom(),
  channel: text().$type<'webhook' | 'email' | 'sms' | 'inapp'>().notNull(),
  eventType: text().notNull(),
  recipient: text().notNull(),
  webhookId: uuid().references(() => webhooks.id, { onDelete: 'cascade' }),
  ticketId: uuid().references(() => tickets.id, { onDelete: 'cascade' }),
  subject: text(),
  body: jsonb().$type<Record<string, unknown>>().notNull(),
  status: text().$type<'pending' | 'sent' | 'dead'>().notNull().default('pending'),
  attempts: integer().notNull().default(0),
  nextAttemptAt: ts().notNull().defaultNow(),
  lockedUntil: ts(),
  lastError: text(),
  sentAt: ts(),
  createdAt: createdAt(),
}, (t) => [
  index('notifications_pending_next').on(t.nextAttemptAt).where(sql`status = 'pending'`),
  index().on(t.webhookId),
  index().on(t.ticketId),
]);

/** One row per delivery attempt: the visible delivery log. */
export const deliveryAttempts = pgTable('delivery_attempts', {
  id: uuid().primaryKey().defaultRandom(),
  notificationId: uuid().notNull().references(() => notifications.id, { onDelete: 'cascade' }),
  at: ts().notNull(),
  ok: boolean().notNull(),
  statusCode: integer(),
  error: text(),
  durationMs: integer(),
}, (t) => [index().on(t.notificationId, t.at)]);

export type Site = typeof sites.$inferSelect;
export type Category = typeof categories.$inferSelect;
export type Device = typeof devices.$inferSelect;
export type DeviceButton = typeof deviceButtons.$inferSelect;
export type User = typeof users.$inferSelect;
export type Ticket = typeof tickets.$inferSelect;
export type Press = typeof presses.$inferSelect;
export type TicketEvent = typeof ticketEvents.$inferSelect;
export type Team = typeof teams.$inferSelect;
export type Calendar = typeof calendars.$inferSelect;
export type SlaPolicy = typeof slaPolicies.$inferSelect;
export type Job = typeof jobs.$inferSelect;
export type Notification = typeof notifications.$inferSelect;
export type Webhook = typeof webhooks.$inferSelect;
export type ApiToken = typeof apiTokens.$inferSelect;
