/** The whole report from loaded data: one pure function, `now` passed in. */
import type { Priority } from '../../domain/priority.ts';
import { type AgentLoad, agentLoad, type LoadUser } from './agent-load.ts';
import { countBy, type Heatmap, pressHeatmap, type PressBucket, pressKpis } from './presses.ts';
import { quality, type Quality, type Rating, type Satisfaction, satisfaction } from './quality.ts';
import { slaCompliance, type SlaCompliance } from './sla-compliance.ts';
import type { ReportTicket } from './ticket-facts.ts';
import { ticketTimes, type TicketTimes } from './ticket-times.ts';
import { type DeviceUptime, deviceUptime, type OfflineSpell, type UptimeDevice } from './uptime.ts';

export type ReportFilters = { siteId?: string | undefined; categoryId?: string | undefined; teamId?: string | undefined; priority?: Priority | undefined };
export type Named = { id: string; code: string; name: string };

export type ReportInput = {
  range: { from: Date; to: Date };
  filters: ReportFilters;
  tickets: readonly ReportTicket[];
  ratings: readonly Rating[];
  pressBuckets: readonly PressBucket[];
  devices: readonly UptimeDevice[];
  offline: readonly OfflineSpell[];
  users: readonly LoadUser[];
  openByAssignee: ReadonlyMap<string, number>;
  sites: readonly Named[];
  categories: readonly Named[];
};

export type Report = {
  range: { from: string; to: string };
  filters: ReportFilters;
  tickets: number;
  times: TicketTimes;
  sla: SlaCompliance;
  quality: Quality;
  satisfaction: Satisfaction;
  presses: ReturnType<typeof pressKpis> & {
    bySite: { siteId: string; code: string; name: string; count: number }[];
    byCategory: { categoryId: string | null; key: string; name: string; count: number }[];
    heatmap: Heatmap;
  };
  devices: (DeviceUptime & { siteCode: string })[];
  agents: AgentLoad[];
};

export function buildReport(input: ReportInput, now: Date): Report {
  const site = new Map(input.sites.map((s) => [s.id, s]));
  const category = new Map(input.categories.map((c) => [c.id, c]));
  const buckets: readonly PressBucket[] = input.pressBuckets;
  return {
    range: { from: input.range.from.toISOString(), to: input.range.to.toISOString() },
    filters: input.filters,
    tickets: input.tickets.length,
    times: ticketTimes(input.tickets),
    sla: slaCompliance(input.tickets),
    quality: quality(input.tickets),
    satisfaction: satisfaction(input.ratings),
    presses: {
      ...pressKpis(buckets),
      bySite: countBy(buckets, (b) => b.siteId).map(({ key, count }) => ({ siteId: key, code: site.get(key)?.code ?? '', name: site.get(key)?.name ?? '', count })),
      byCategory: countBy(buckets, (b) => b.categoryId).map(({ key, count }) => {
        const c = key === null ? undefined : category.get(key);
        return { categoryId: key, key: c?.code ?? '', name: c?.name ?? '', count };
      }),
      heatmap: pressHeatmap(buckets),
    },
    devices: deviceUptime(input.devices, input.offline, input.range, now).map((d) => ({ ...d, siteCode: site.get(d.siteId)?.code ?? '' })),
    agents: agentLoad(input.users, input.openByAssignee),
  };
}
