/**
 * The shapes the SLA engine reads. They mirror `db/schema.ts` structurally (a calendar or
 * policy row can be passed as is) but are declared here so the domain imports no database code.
 */
import type { Priority } from '../priority.ts';

export type { Priority };
export type DayKey = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';
/** Luxon numbers weekdays 1 = Monday … 7 = Sunday; index `weekday - 1`. */
export const DAY_KEYS: readonly DayKey[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** Local wall-clock range within one day, 'HH:MM'–'HH:MM', end exclusive; end may be '24:00'. */
export type TimeRange = { start: string; end: string };
/** A closed local date; with `start`/`end` only that part of the day is closed. */
export type Holiday = { date: string; name: string; start?: string; end?: string };

/** Treated as an immutable value: the engine memoizes its parsed form per object. */
export type BusinessCalendar = {
  /** IANA zone, e.g. 'Europe/Warsaw'; hours and holidays are read in it. */
  timezone: string;
  /** A missing or empty day is closed. Overnight hours: mon 22:00–24:00 plus tue 00:00–06:00. */
  hours: Partial<Record<DayKey, readonly TimeRange[]>>;
  holidays: readonly Holiday[];
};

/** A stopped clock; `to: null` is a pause still going on (ticket pending now). */
export type Pause = { from: Date; to: Date | null };

export type TicketSource = 'button' | 'virtual' | 'device_health' | 'manual' | 'api';

export type PolicyConditions = {
  tiers?: readonly string[];
  siteIds?: readonly string[];
  categoryIds?: readonly string[];
  priorities?: readonly Priority[];
  sources?: readonly TicketSource[];
};

/** Business minutes to first response (acknowledge) and to resolution. */
export type SlaTarget = { responseMinutes: number; resolutionMinutes: number };
export type SlaEscalation = { userIds?: readonly string[]; emails?: readonly string[]; repeatMinutes?: number };

export type PolicySpec = {
  id: string;
  name: string;
  order: number;
  enabled: boolean;
  calendarId: string | null;
  conditions: PolicyConditions;
  targets: Record<Priority, SlaTarget>;
  reminderPercents: readonly number[];
  escalation: SlaEscalation;
};

/** What a ticket offers to the policy conditions. */
export type TicketFacts = {
  siteId: string;
  siteTier: string;
  categoryId: string;
  priority: Priority;
  source: TicketSource;
};

/** A half-open span of real time [from, to). */
export type Interval = { from: Date; to: Date };
