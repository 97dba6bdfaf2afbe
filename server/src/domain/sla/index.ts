/** The SLA engine (design §4): pure, `now` and dates passed in. */
export { addBusinessMinutes, businessMinutesBetween, walkBusinessTime } from './business-time.ts';
export type { BusinessWalk, IntervalsUsed } from './business-time.ts';
export { CALENDAR_24X7, validateCalendar } from './calendar.ts';
export type { CalendarProblem } from './calendar.ts';
export { computeSla } from './compute-sla.ts';
export type { SlaEscalationPlan, SlaExplanation, SlaInput, SlaReminder, SlaResult, SlaTargetKind } from './compute-sla.ts';
export { matchPolicy, mismatchReasons } from './match-policy.ts';
export type { MatchablePolicy, NameLookup, PolicyMatch, SkippedPolicy } from './match-policy.ts';
export type { ClockExplanation, ClockState } from './sla-clock.ts';
export { DAY_KEYS } from './types.ts';
export type {
  BusinessCalendar, DayKey, Holiday, Interval, Pause, PolicyConditions, PolicySpec, Priority, SlaEscalation, SlaTarget,
  TicketFacts, TicketSource, TimeRange,
} from './types.ts';
