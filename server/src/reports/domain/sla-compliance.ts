/**
 * SLA compliance per target. A ticket counts once its outcome is known: its due time is known
 * and it was acknowledged (response) or resolved (resolution), or it breached. Met: finished
 * at or before the due time without a breach. Breaches count every breached ticket, open or not.
 */
import { percentOf } from './percentiles.ts';
import type { ReportTicket } from './ticket-facts.ts';

export type TargetCompliance = { met: number; missed: number; compliancePercent: number | null; breaches: number };
export type SlaCompliance = { response: TargetCompliance; resolution: TargetCompliance };

type Clock = { dueAt: Date | null; doneAt: Date | null; breached: boolean };

function comply(clocks: readonly Clock[]): TargetCompliance {
  let met = 0;
  let missed = 0;
  let breaches = 0;
  for (const c of clocks) {
    if (c.breached) breaches += 1;
    if (!c.dueAt || (!c.doneAt && !c.breached)) continue;
    if (!c.breached && c.doneAt && c.doneAt.getTime() <= c.dueAt.getTime()) met += 1;
    else missed += 1;
  }
  return { met, missed, compliancePercent: percentOf(met, met + missed), breaches };
}

export function slaCompliance(tickets: readonly ReportTicket[]): SlaCompliance {
  return {
    response: comply(tickets.map((t) => ({ dueAt: t.responseDueAt, doneAt: t.acknowledgedAt, breached: t.responseBreached }))),
    resolution: comply(tickets.map((t) => ({ dueAt: t.resolutionDueAt, doneAt: t.resolvedAt, breached: t.resolutionBreached }))),
  };
}
