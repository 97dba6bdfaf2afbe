import { addBusinessMinutes } from './business-time.ts';
import { runClock, type ClockExplanation } from './sla-clock.ts';
import type { BusinessCalendar, Pause, PolicySpec, Priority } from './types.ts';

export type SlaInput = {
  /** Press time, not receive time (design §4). */
  openedAt: Date;
  priority: Priority;
  policy: Pick<PolicySpec, 'id' | 'name' | 'targets' | 'reminderPercents' | 'escalation'>;
  /** The policy's calendar, else the site's; `CALENDAR_24X7(site zone)` when neither exists. */
  calendar: BusinessCalendar;
  /** Periods in `pending`; they stop the resolution clock only. */
  pauses?: readonly Pause[];
  acknowledgedAt?: Date | null;
  resolvedAt?: Date | null;
  now: Date;
};

export type SlaTargetKind = 'response' | 'resolution';
export type SlaReminder = { target: SlaTargetKind; percent: number; at: Date };
/** At the response breach; repeated every `repeatMinutes` real minutes until `stoppedAt`. */
export type SlaEscalationPlan = { firstAt: Date; repeatMinutes: number | null; stoppedAt: Date | null };

export type SlaExplanation = {
  policy: { id: string; name: string };
  priority: Priority;
  timezone: string;
  response: ClockExplanation;
  resolution: ClockExplanation;
  notes: string[];
};

export type SlaResult = {
  /** Null only when the calendar has no business hours at all. */
  responseDueAt: Date | null;
  /** Null while an open pause stops the clock (ticket pending); recompute on resume. */
  resolutionDueAt: Date | null;
  reminders: SlaReminder[];
  escalations: SlaEscalationPlan | null;
  explanation: SlaExplanation;
};

const NOTES = [
  'Both clocks start at openedAt (press time) and count business minutes of the calendar only.',
  'Pending pauses stop the resolution clock; the response clock runs on until acknowledgement.',
  'A priority change recomputes both clocks from openedAt with the new targets, so business time already elapsed is kept.',
  'Reminders fall at their percentage of the business-time target; breach is at 100 %.',
];

/** Reminder percents strictly between 0 and 100 (100 % is the breach itself), once each. */
function reminderPercents(percents: readonly number[]): number[] {
  return [...new Set(percents)].filter((p) => p > 0 && p < 100).sort((a, b) => a - b);
}

function remindersFor(target: SlaTargetKind, input: SlaInput, minutes: number, pauses: readonly Pause[], stoppedAt: Date | null): SlaReminder[] {
  return reminderPercents(input.policy.reminderPercents).flatMap((percent) => {
    const at = addBusinessMinutes(input.openedAt, (minutes * percent) / 100, input.calendar, pauses);
    // A reminder past the stop (acknowledged, resolved) or behind an open pause never fires.
    return at === null || (stoppedAt !== null && stoppedAt <= at) ? [] : [{ target, percent, at }];
  });
}

/**
 * Due times, reminders and escalation of a ticket under a policy: response and resolution
 * targets in business minutes of `calendar` from `openedAt`; pauses stop only the resolution
 * clock. Everything is recomputed from `openedAt`, so a priority change keeps elapsed time.
 */
export function computeSla(input: SlaInput): SlaResult {
  const target = input.policy.targets[input.priority];
  const pauses = input.pauses ?? [];
  const acknowledgedAt = input.acknowledgedAt ?? null;
  const resolvedAt = input.resolvedAt ?? null;
  const common = { start: input.openedAt, calendar: input.calendar, now: input.now };
  const response = runClock({ ...common, targetMinutes: target.responseMinutes, pauses: [], stoppedAt: acknowledgedAt });
  const resolution = runClock({ ...common, targetMinutes: target.resolutionMinutes, pauses, stoppedAt: resolvedAt });
  const reminders = [
    ...remindersFor('response', input, target.responseMinutes, [], acknowledgedAt),
    ...remindersFor('resolution', input, target.resolutionMinutes, pauses, resolvedAt),
  ].sort((a, b) => a.at.getTime() - b.at.getTime());
  return {
    responseDueAt: response.dueAt,
    resolutionDueAt: resolution.dueAt,
    reminders,
    escalations: escalationPlan(response.dueAt, acknowledgedAt, input.policy.escalation.repeatMinutes),
    explanation: {
      policy: { id: input.policy.id, name: input.policy.name },
      priority: input.priority,
      timezone: input.calendar.timezone,
      response,
      resolution,
      notes: [...NOTES],
    },
  };
}

/** Escalation fires at the response breach unless acknowledged by then. */
function escalationPlan(responseDueAt: Date | null, acknowledgedAt: Date | null, repeat: number | undefined): SlaEscalationPlan | null {
  if (responseDueAt === null || (acknowledgedAt !== null && acknowledgedAt <= responseDueAt)) return null;
  return { firstAt: responseDueAt, repeatMinutes: repeat !== undefined && repeat > 0 ? repeat : null, stoppedAt: acknowledgedAt };
}
