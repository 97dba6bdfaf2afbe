/** `components.schemas` of the document: named answer shapes that operations refer to. */
import {
  auditLog, calendars, categories, devices, presses, sites, slaPolicies, teams, ticketEvents,
} from '../../db/schema.ts';
import { CalendarInput } from '../routes/calendars.ts';
import { CategoryInput } from '../routes/categories.ts';
import { SiteInput } from '../routes/sites.ts';
import { SlaPolicyInput } from '../routes/sla-policies.ts';
import { nullable, outputSchema, rowSchema, type JsonSchema } from './json-schema.ts';
import {
  ApiTokenShape, CredentialsShape, ErrorShape, HealthShape, NotificationShape, PressResultShape, TicketShape, UserShape, WebhookShape,
} from './shapes.ts';

export const ref = (name: ComponentName): JsonSchema => ({ $ref: `#/components/schemas/${name}` });

/** design §7: every list is `{items, nextCursor}`; pass `nextCursor` back as `cursor`. */
export const pageOf = (name: ComponentName): JsonSchema => ({
  type: 'object',
  properties: {
    items: { type: 'array', items: ref(name) },
    nextCursor: { ...nullable({ type: 'string' }), description: 'null on the last page' },
  },
  required: ['items', 'nextCursor'],
});

const fieldsOf = (shape: Record<string, Parameters<typeof outputSchema>[0]>, keys: string[]) =>
  Object.fromEntries(keys.map((k) => [k, outputSchema(shape[k]!)]));

const object = (properties: Record<string, JsonSchema>, description?: string): JsonSchema =>
  ({ type: 'object', ...(description && { description }), properties, required: Object.keys(properties) });
const free = (description: string): JsonSchema => ({ description });

const SCHEMAS = {
  Error: outputSchema(ErrorShape),
  Health: outputSchema(HealthShape),
  Ticket: outputSchema(TicketShape),
  TicketDetail: {
    allOf: [{ $ref: '#/components/schemas/Ticket' }, object({
      timeline: { type: 'array', items: { $ref: '#/components/schemas/TimelineEvent' }, description: 'oldest first' },
      presses: { type: 'array', items: { $ref: '#/components/schemas/Press' }, description: 'the presses that fed the ticket' },
      devices: {
        type: 'array', description: 'id and name of every device the ticket, its presses and its timeline name',
        items: object({ id: { type: 'string' }, name: { type: 'string' } }),
      },
    })],
  },
  TimelineEvent: rowSchema(ticketEvents),
  Press: rowSchema(presses),
  SlaExplanation: object({
    ticket: free('id, number, status, priority, openedAt'),
    stored: free('responseDueAt, resolutionDueAt, responseBreached, resolutionBreached as stored on the ticket'),
    pauses: free('periods in pending: [{from, to?}]'),
    policy: free('{id, name, order} of the matching policy, or null'),
    skipped: free('policies tried before it, each with why it did not match'),
    calendar: free('{name, timezone}, or null'),
    computation: free('how each due time was computed, step by step, or null'),
  }, 'why the ticket is due when it is (design §4); `note` says so when no policy matches'),
  SlaPreview: object({
    openedAt: { type: 'string', format: 'date-time' },
    priority: { type: 'string' },
    policy: free('{id, name} of the matching policy, or null'),
    responseDueAt: nullable({ type: 'string', format: 'date-time' }),
    resolutionDueAt: nullable({ type: 'string', format: 'date-time' }),
  }, 'when a ticket opened now would be due; with a policy also skipped, calendar, reminders and computation'),
  User: outputSchema(UserShape),
  Team: rowSchema(teams),
  ApiToken: outputSchema(ApiTokenShape),
  AuditEntry: rowSchema(auditLog),
  Site: rowSchema(sites, { omit: ['statusToken'], extra: fieldsOf(SiteInput.shape, ['contacts']) }),
  Category: rowSchema(categories, { extra: fieldsOf(CategoryInput.shape, ['names', 'kbArticles']) }),
  Calendar: rowSchema(calendars, { extra: fieldsOf(CalendarInput.shape, ['hours', 'holidays']) }),
  SlaPolicy: rowSchema(slaPolicies, { extra: fieldsOf(SlaPolicyInput.shape, ['conditions', 'targets', 'reminderPercents', 'escalation']) }),
  Device: rowSchema(devices, {
    omit: ['secretHash'],
    extra: {
      extra: nullable({ type: 'object', description: 'device-specific telemetry, e.g. {printer: "paper_out"}' }),
      batteryDaysLeft: nullable({ type: 'number', description: 'days until the battery is empty at the rate since the last charge or swap; null until a day has passed and it fell a point' }),
      hasPresses: { type: 'boolean', description: 'the device has recorded presses: it cannot be deleted (that would lose their history), only disabled' },
      buttons: {
        type: 'array',
        items: object({
          button: { type: 'integer' }, categoryId: { type: 'string', format: 'uuid' },
          label: nullable({ type: 'string' }), color: nullable({ type: 'string' }),
        }),
      },
    },
  }),
  DeviceCredentials: outputSchema(CredentialsShape),
  PressResult: outputSchema(PressResultShape),
  Webhook: outputSchema(WebhookShape),
  Notification: outputSchema(NotificationShape),
} satisfies Record<string, JsonSchema>;

export type ComponentName = keyof typeof SCHEMAS;
export const COMPONENT_SCHEMAS: Record<ComponentName, JsonSchema> = SCHEMAS;
