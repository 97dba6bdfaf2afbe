/**
 * The shapes the app reads from the API (design §7), checked at runtime with zod's small
 * build. Unknown fields are dropped; server-types.check.ts proves the server's views fit.
 */
import { z } from 'zod/mini';

export const STATUSES = ['new', 'acknowledged', 'in_progress', 'pending', 'resolved', 'closed', 'cancelled'] as const;
export const OPEN_STATUSES = ['new', 'acknowledged', 'in_progress', 'pending'] as const;
export const PRIORITIES = ['P1', 'P2', 'P3', 'P4'] as const;
export const ROLES = ['admin', 'manager', 'agent', 'staff'] as const;

const time = z.string();
const maybeTime = z.nullable(z.string());

export const Snapshot = z.object({
  state: z.nullable(z.string()), lastSeenAt: maybeTime, batteryMv: z.nullable(z.number()), batteryPct: z.nullable(z.number()),
  rssi: z.nullable(z.number()), uptimeS: z.nullable(z.number()), fw: z.nullable(z.string()), pending: z.nullable(z.number()),
  extra: z.nullable(z.record(z.string(), z.unknown())), telemetryAt: maybeTime,
});
export type Snapshot = z.infer<typeof Snapshot>;

export const Ticket = z.object({
  id: z.string(), number: z.string(), status: z.enum(STATUSES), priority: z.enum(PRIORITIES), source: z.string(),
  siteId: z.string(), categoryId: z.string(), deviceId: z.nullable(z.string()), title: z.string(),
  openedAt: time, acknowledgedAt: maybeTime, resolvedAt: maybeTime, closedAt: maybeTime, confirmUntil: maybeTime,
  pressCount: z.number(), reopenCount: z.number(), assigneeId: z.nullable(z.string()), teamId: z.nullable(z.string()),
  responseDueAt: maybeTime, resolutionDueAt: maybeTime, responseBreached: z.boolean(), resolutionBreached: z.boolean(),
  snapshot: z.nullable(Snapshot), updatedAt: time,
});
export type Ticket = z.infer<typeof Ticket>;
export type TicketStatus = Ticket['status'];
export type Priority = Ticket['priority'];

export const TimelineEntry = z.object({
  id: z.string(), type: z.string(), actor: z.string(), fromStatus: z.nullable(z.string()), toStatus: z.nullable(z.string()),
  note: z.nullable(z.string()), data: z.nullable(z.record(z.string(), z.unknown())), at: time,
});
export type TimelineEntry = z.infer<typeof TimelineEntry>;

export const Press = z.object({
  id: z.string(), deviceId: z.string(), pressId: z.string(), button: z.number(), action: z.string(),
  pressedAt: time, receivedAt: time, queued: z.boolean(), outcome: z.string(), reason: z.nullable(z.string()),
});
export type Press = z.infer<typeof Press>;

export const TicketDetail = z.extend(Ticket, { timeline: z.array(TimelineEntry), presses: z.array(Press) });
export type TicketDetail = z.infer<typeof TicketDetail>;

export const Site = z.object({ id: z.string(), code: z.string(), name: z.string(), timezone: z.string(), tier: z.string(), language: z.optional(z.nullable(z.string())) });
export type Site = z.infer<typeof Site>;

export const Category = z.object({
  id: z.string(), key: z.string(), name: z.string(), defaultPriority: z.enum(PRIORITIES), teamId: z.nullable(z.string()),
  kbArticle: z.nullable(z.string()), builtIn: z.boolean(),
});
export type Category = z.infer<typeof Category>;

export const User = z.object({
  id: z.string(), email: z.string(), name: z.string(), role: z.enum(ROLES), siteId: z.nullable(z.string()),
  available: z.boolean(), disabled: z.boolean(),
});
export type User = z.infer<typeof User>;

export const Team = z.object({ id: z.string(), name: z.string() });
export type Team = z.infer<typeof Team>;

export const pageOf = <T extends z.ZodMiniType>(item: T) => z.object({ items: z.array(item), nextCursor: z.nullable(z.string()) });

const TimeRange = z.object({ start: z.string(), end: z.string() });
const BusinessCalendar = z.object({
  timezone: z.string(),
  hours: z.partialRecord(z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']), z.array(TimeRange)),
  holidays: z.array(z.object({ date: z.string(), name: z.string(), start: z.optional(z.string()), end: z.optional(z.string()) })),
});

export const SlaMarks = z.object({
  items: z.array(z.object({
    ticketId: z.string(),
    reminders: z.array(z.object({ target: z.enum(['response', 'resolution']), percent: z.number(), at: time })),
    calendar: z.nullable(BusinessCalendar),
  })),
});

export type SlaMarks = z.infer<typeof SlaMarks>;

export const SlaExplanation = z.object({
  policy: z.nullable(z.object({ name: z.string() })),
  skipped: z.array(z.object({ name: z.string(), reasons: z.array(z.string()) })),
  calendar: z.nullable(z.object({ name: z.string(), timezone: z.string() })),
});
export type SlaExplanation = z.infer<typeof SlaExplanation>;

export const VirtualButton = z.object({
  site: z.object({ id: z.string(), code: z.string(), name: z.string(), timezone: z.string(), language: z.nullable(z.string()) }),
  device: z.nullable(z.object({ id: z.string(), name: z.string() })),
  buttons: z.array(z.object({
    button: z.number(), label: z.nullable(z.string()), color: z.nullable(z.string()),
    category: z.object({ id: z.string(), key: z.string(), name: z.string(), kbArticle: z.nullable(z.string()) }),
  })),
});
export type VirtualButton = z.infer<typeof VirtualButton>;

/** The site status board (no login): GET /api/status/:code?t=… */
export const SiteStatus = z.object({
  site: z.object({ name: z.string(), code: z.string(), language: z.nullable(z.string()), timezone: z.string() }),
  incidents: z.array(z.object({
    number: z.string(), category: z.string(), status: z.string(), priority: z.string(),
    openedAt: z.string(), acknowledgedAt: z.nullable(z.string()), resolvedAt: z.nullable(z.string()),
  })),
});
export type SiteStatus = z.infer<typeof SiteStatus>;
export type Incident = SiteStatus['incidents'][number];

export const PressResults = z.object({
  results: z.array(z.object({
    pressId: z.string(), outcome: z.string(), ticketId: z.optional(z.string()), ticketNumber: z.optional(z.string()),
    reason: z.optional(z.string()), message: z.optional(z.string()),
  })),
});
export type PressResult = z.infer<typeof PressResults>['results'][number];

/** The signed-in person: a User with their saved language (issue 8; null: the site's, then the browser's). */
export const MeUser = z.extend(User, { language: z.optional(z.nullable(z.string())) });
export type MeUser = z.infer<typeof MeUser>;
export const Me = z.object({ user: MeUser });
export const Any = z.unknown();
