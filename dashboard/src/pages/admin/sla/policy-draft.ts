/** An SLA policy as the form edits it (numbers as typed) and the body the API takes. */
import type { SlaPolicy } from '../../../api/admin.ts';
import { PRIORITIES, type Priority } from '../../../api/schemas.ts';

type TargetDraft = { responseMinutes: string; resolutionMinutes: string };
export type PolicyDraft = {
  id?: string; name: string; order: string; enabled: boolean; calendarId: string;
  tiers: string[]; siteIds: string[]; categoryIds: string[]; priorities: Priority[]; sources: string[];
  targets: Record<Priority, TargetDraft>; reminders: string;
  escalationUserIds: string[]; escalationEmails: string; repeatMinutes: string;
};

const DEFAULT_TARGETS: Record<Priority, [number, number]> = { P1: [15, 240], P2: [30, 480], P3: [120, 1440], P4: [480, 4800] };

export const newPolicy = (order: number): PolicyDraft => ({
  name: '', order: String(order), enabled: true, calendarId: '', tiers: [], siteIds: [], categoryIds: [], priorities: [], sources: [],
  targets: Object.fromEntries(PRIORITIES.map((p) => [p, { responseMinutes: String(DEFAULT_TARGETS[p][0]), resolutionMinutes: String(DEFAULT_TARGETS[p][1]) }])) as PolicyDraft['targets'],
  reminders: '75', escalationUserIds: [], escalationEmails: '', repeatMinutes: '',
});

export const policyDraft = (p: SlaPolicy): PolicyDraft => ({
  id: p.id, name: p.name, order: String(p.order), enabled: p.enabled, calendarId: p.calendarId ?? '',
  tiers: p.conditions.tiers ?? [], siteIds: p.conditions.siteIds ?? [], categoryIds: p.conditions.categoryIds ?? [],
  priorities: p.conditions.priorities ?? [], sources: p.conditions.sources ?? [],
  targets: Object.fromEntries(PRIORITIES.map((x) => [x, { responseMinutes: String(p.targets[x]?.responseMinutes ?? ''), resolutionMinutes: String(p.targets[x]?.resolutionMinutes ?? '') }])) as PolicyDraft['targets'],
  reminders: p.reminderPercents.join(', '), escalationUserIds: p.escalation.userIds ?? [], escalationEmails: (p.escalation.emails ?? []).join(', '),
  repeatMinutes: p.escalation.repeatMinutes === undefined ? '' : String(p.escalation.repeatMinutes),
});

/** Numbers as typed: the server says which one is wrong (an empty box is sent as NaN → null → "expected number"). */
const num = (s: string) => (s.trim() === '' ? null : Number(s.replace(',', '.')));
const list = (s: string) => s.split(/[\s,;]+/).map((x) => x.trim()).filter(Boolean);
const only = <T>(values: T[]) => (values.length ? values : undefined);

export function policyBody(d: PolicyDraft) {
  return {
    name: d.name, order: num(d.order), enabled: d.enabled, calendarId: d.calendarId || null,
    conditions: {
      tiers: only(d.tiers), siteIds: only(d.siteIds), categoryIds: only(d.categoryIds), priorities: only(d.priorities), sources: only(d.sources),
    },
    targets: Object.fromEntries(PRIORITIES.map((p) => [p, { responseMinutes: num(d.targets[p].responseMinutes), resolutionMinutes: num(d.targets[p].resolutionMinutes) }])),
    reminderPercents: list(d.reminders).map(Number),
    escalation: {
      userIds: only(d.escalationUserIds), emails: only(list(d.escalationEmails)),
      ...(d.repeatMinutes.trim() && { repeatMinutes: num(d.repeatMinutes) }),
    },
  };
}
