/**
 * The one database schema (design §3, §5). Row types are inferred: `typeof tickets.$inferSelect`.
 * SQL names are snake_case through drizzle's `casing` option (see client.ts and drizzle.config.ts).
 */
import { sql } from 'drizzle-orm';
import {
  boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid,
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
  calendarId: uuid(),
  contacts: jsonb().$type<{ name?: string; email?: string; phone?: string }[]>().notNull().default([]),
  createdAt: createdAt(),
  updatedAt: createdAt(),
});

export const categories = pgTable('categories', {
  id: uuid().primaryKey().defaultRandom(),
  key: text().notNull().unique(),
  name: text().notNull(),
  defaultPriority: text().$type<Priority>().notNull().default('P3'),
  teamId: uuid(),
  kbArticle: text(),
  /** Built-in categories (`triage`, `device-health`) cannot be deleted. */
  builtIn: boolean().notNull().default(false),
  createdAt: createdAt(),
  updatedAt: createdAt(),
});

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
  batteryPct: integer(),
  rssi: integer(),
  uptimeS: integer(),
  fw: text(),
  pending: integer(),
  extra: jsonb().$type<Record<string, unknown>>(),
  telemetryAt: ts(),
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
  disabled: boolean().notNull().default(false),
  createdAt: createdAt(),
  updatedAt: createdAt(),
}, (t) => [index().on(t.siteId)]);

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
  teamId: uuid(),
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
  index().on(t.status, t.openedAt),
  // Level-2 dedup, enforced by the database as well as in code (design §3).
  uniqueIndex('tickets_one_open_per_site_category')
    .on(t.siteId, t.categoryId)
    .where(sql`status in ('new', 'acknowledged', 'in_progress', 'pending')`),
]);

export const PRESS_OUTCOMES = ['created', 'merged', 'duplicate', 'reopened', 'cancelled', 'rejected'] as const;

export const presses = pgTable('presses', {
  id: uuid().primaryKey().defaultRandom(),
  // restrict: a device with press history is disabled, not deleted.
  deviceId: text().notNull().references(() => devices.id, { onDelete: 'restrict' }),
  pressId: text().notNull(),
  seq: integer().notNull(),
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

export type Site = typeof sites.$inferSelect;
export type Category = typeof categories.$inferSelect;
export type Device = typeof devices.$inferSelect;
export type DeviceButton = typeof deviceButtons.$inferSelect;
export type User = typeof users.$inferSelect;
export type Ticket = typeof tickets.$inferSelect;
export type Press = typeof presses.$inferSelect;
export type TicketEvent = typeof ticketEvents.$inferSelect;
