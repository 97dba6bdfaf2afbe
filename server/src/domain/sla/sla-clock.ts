/** One SLA clock (response or resolution): its due time, state at `now`, and how it was computed. */
import { DateTime } from 'luxon';
import { normalizePauses } from './business-spans.ts';
import { businessMinutesBetween, walkBusinessTime, type IntervalsUsed } from './business-time.ts';
import type { BusinessCalendar, Pause } from './types.ts';

export type ClockState = 'running' | 'paused' | 'met' | 'breached';

export type ClockExplanation = {
  targetMinutes: number;
  start: Date;
  /** Merged pauses after `start`, in order; `to: null` is still going on. */
  pausesApplied: Pause[];
  intervals: IntervalsUsed;
  dueAt: Date | null;
  /** Business minutes elapsed until the clock stopped (acknowledged/resolved) or `now`. */
  elapsedMinutes: number;
  remainingMinutes: number;
  state: ClockState;
  summary: string;
};

export type ClockInput = {
  targetMinutes: number;
  start: Date;
  calendar: BusinessCalendar;
  pauses: readonly Pause[];
  /** When the clock's goal was reached: acknowledgement (response) or resolution. */
  stoppedAt: Date | null;
  now: Date;
};

function appliedPauses(pauses: readonly Pause[], start: Date): Pause[] {
  return normalizePauses(pauses)
    .filter((s) => s.end > start.getTime())
    .map((s) => ({ from: new Date(s.start), to: Number.isFinite(s.end) ? new Date(s.end) : null }));
}

function stateAt(c: ClockInput, dueAt: Date | null, applied: Pause[]): ClockState {
  if (c.stoppedAt) return dueAt === null || c.stoppedAt <= dueAt ? 'met' : 'breached';
  if (dueAt !== null && c.now >= dueAt) return 'breached';
  const inPause = applied.some((p) => p.from <= c.now && (p.to === null || c.now < p.to));
  return inPause ? 'paused' : 'running';
}

/** Runs one clock from `start` over the calendar, minus pauses. */
export function runClock(c: ClockInput): ClockExplanation {
  const walk = walkBusinessTime(c.start, c.targetMinutes, c.calendar, c.pauses);
  const applied = appliedPauses(c.pauses, c.start);
  const elapsedMinutes = businessMinutesBetween(c.start, c.stoppedAt ?? c.now, c.calendar, c.pauses);
  const remainingMinutes = Math.max(0, c.targetMinutes - elapsedMinutes);
  const explanation = {
    targetMinutes: c.targetMinutes, start: c.start, pausesApplied: applied, intervals: walk.intervals,
    dueAt: walk.dueAt, elapsedMinutes, remainingMinutes, state: stateAt(c, walk.dueAt, applied),
  };
  return { ...explanation, summary: summarize(explanation, c.calendar.timezone) };
}

function summarize(e: Omit<ClockExplanation, 'summary'>, zone: string): string {
  const at = (d: Date) => DateTime.fromJSDate(d, { zone }).toISO({ suppressMilliseconds: true, suppressSeconds: true });
  const span = (i: { from: Date; to: Date } | null) => (i ? `${at(i.from)} – ${at(i.to)}` : 'none');
  const pauses = e.pausesApplied.length === 0
    ? 'no pauses'
    : `pauses ${e.pausesApplied.map((p) => `${at(p.from)} – ${p.to ? at(p.to) : 'open'}`).join(', ')}`;
  const head = `${e.targetMinutes} business minutes from ${at(e.start)} in ${zone}, ${pauses}`;
  const used = `${e.intervals.count} business interval(s), first ${span(e.intervals.first)}, last ${span(e.intervals.last)}`;
  if (e.dueAt) return `${head}: ${used} → due ${at(e.dueAt)}`;
  const open = e.pausesApplied.find((p) => p.to === null);
  if (!open) return `${head}: the calendar has no business hours, so no due time`;
  const left = Math.round(e.remainingMinutes * 100) / 100;
  return `${head}: clock stopped since ${at(open.from)}; ${left} business minutes are added when it resumes`;
}
