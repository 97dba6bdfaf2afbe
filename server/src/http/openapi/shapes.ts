/**
 * The shapes of answers that are built by view functions rather than sent as table rows
 * (tickets/ticket-view.ts, people/user-view.ts, …). Written out once here for the document;
 * test/openapi.test.ts compares their fields with real answers so the two cannot drift apart.
 */
import { z } from 'zod';
import { AckOutcome, RejectReason } from '../../../../gateway/src/mqtt/contract.ts';
import { PRIORITIES, ROLES, TICKET_SOURCES, TICKET_STATUSES } from '../../db/schema.ts';
import { ERROR_CODES } from '../../errors.ts';
import { CHANNELS, NOTIFICATION_STATUSES, NOTIFY_EVENT_TYPES } from '../../notify/domain/event-types.ts';

const at = z.iso.datetime();
const atOrNull = at.nullable();

/** design §7: `{error: {code, message, requestId}}`; VALIDATION adds the fields at fault. */
export const ErrorShape = z.object({
  error: z.object({
    code: z.enum(ERROR_CODES),
    message: z.string().describe('for people: says what was wrong and, where it helps, what to do'),
    requestId: z.string().describe('also in the x-request-id header; the server log has the details under it'),
    details: z.unknown().optional().describe('VALIDATION: {fields: [{field, message}]}'),
  }),
});

export const TicketShape = z.object({
  id: z.uuid(),
  number: z.string().describe('INC-000123'),
  status: z.enum(TICKET_STATUSES),
  priority: z.enum(PRIORITIES),
  source: z.enum(TICKET_SOURCES),
  siteId: z.uuid(),
  categoryId: z.uuid(),
  deviceId: z.string().nullable().describe('the button that opened it'),
  title: z.string(),
  openedAt: at.describe('when the first press happened (the device clock when trusted)'),
  lastPressAt: atOrNull,
  acknowledgedAt: atOrNull,
  resolvedAt: atOrNull,
  closedAt: atOrNull,
  pressCount: z.int(),
  assigneeId: z.uuid().nullable(),
  teamId: z.uuid().nullable(),
  responseDueAt: atOrNull,
  resolutionDueAt: atOrNull,
  responseBreached: z.boolean(),
  resolutionBreached: z.boolean(),
  snapshot: z.record(z.string(), z.unknown()).nullable().describe('device telemetry when the ticket opened'),
  slaPolicyId: z.uuid().nullable(),
  pauses: z.array(z.object({ from: at, to: at.optional() })).describe('periods in pending; the resolution clock stops'),
  reopenCount: z.int(),
  confirmUntil: atOrNull.describe('until then a press on a reporting button reopens it ("still broken")'),
  healthCause: z.string().nullable().describe('device-health tickets: offline, missed_checkin or battery_low'),
  updatedAt: at,
});

export const UserShape = z.object({
  id: z.uuid(), email: z.string(), name: z.string(), role: z.enum(ROLES), siteId: z.uuid().nullable(), phone: z.string().nullable(),
  language: z.string().nullable().describe('en, pl, tr or fa; null: the site\'s, then the browser\'s'),
  capacity: z.int(), available: z.boolean(), disabled: z.boolean(), createdAt: at, updatedAt: at,
});

export const ApiTokenShape = z.object({
  id: z.uuid(), name: z.string(), role: z.enum(ROLES), scopes: z.array(z.string()), createdBy: z.uuid().nullable(),
  createdAt: at, lastUsedAt: atOrNull, revokedAt: atOrNull,
});

export const WebhookShape = z.object({
  id: z.uuid(), name: z.string(), url: z.string(), events: z.array(z.string()), enabled: z.boolean(),
  secretHint: z.string().describe('the last four characters, to tell secrets apart'), createdAt: at, updatedAt: at,
});

export const NotificationShape = z.object({
  id: z.uuid(), channel: z.enum(CHANNELS), eventType: z.union([z.enum(NOTIFY_EVENT_TYPES), z.literal('webhook.test')]),
  recipient: z.string(), webhookId: z.uuid().nullable(), ticketId: z.uuid().nullable(), subject: z.string().nullable(),
  body: z.record(z.string(), z.unknown()).describe('what the channel sends'), status: z.enum(NOTIFICATION_STATUSES), attempts: z.int(), nextAttemptAt: atOrNull, lastError: z.string().nullable(),
  sentAt: atOrNull, createdAt: at,
  deliveries: z.array(z.object({ at, ok: z.boolean(), statusCode: z.int().nullable(), error: z.string().nullable(), durationMs: z.int().nullable() })),
});

export const HealthShape = z.object({
  status: z.enum(['ok', 'degraded']), db: z.enum(['ok', 'down']), broker: z.enum(['ok', 'down', 'n/a']).describe('n/a on a split server'), version: z.string(),
});

export const CredentialsShape = z.object({
  username: z.string().describe('the device id'),
  password: z.string().describe('shown only in this answer; store it on the device'),
});

export const PressResultShape = z.object({
  pressId: z.string(),
  outcome: z.union([AckOutcome, z.literal('error')]),
  ticketId: z.uuid().optional(),
  ticketNumber: z.string().optional(),
  reason: RejectReason.optional(),
  message: z.string().optional().describe('outcome error: why the press could not be stored; send it again'),
});
