/**
 * The reports API (server/src/http/routes/reports.ts): the whole report for a range and
 * filters, and the address of each table's CSV download. reports.check.ts proves the server's
 * answer fits these schemas at compile time.
 */
import { z } from 'zod/mini';
import { request } from './http.ts';

const num = z.number();
const maybe = z.nullable(z.number());
const Spread = z.object({ count: num, median: maybe, p90: maybe });
const Clocks = z.object({ wall: Spread, business: Spread });
const Target = z.object({ met: num, missed: num, compliancePercent: maybe, breaches: num });

export const Report = z.object({
  range: z.object({ from: z.string(), to: z.string() }),
  tickets: num,
  times: z.object({ acknowledge: Clocks, resolve: Clocks }),
  sla: z.object({ response: Target, resolution: Target }),
  quality: z.object({ resolved: num, firstContact: num, firstContactPercent: maybe, everResolved: num, reopened: num, reopenPercent: maybe }),
  satisfaction: z.object({ count: num, average: maybe, distribution: z.object({ 1: num, 2: num, 3: num, 4: num, 5: num }) }),
  presses: z.object({
    total: num, accidental: num, accidentalPercent: maybe, cancelled: num, cancelledPercent: maybe, repeat: num,
    byOutcome: z.array(z.object({ outcome: z.string(), group: z.string(), count: num })),
    bySite: z.array(z.object({ siteId: z.string(), code: z.string(), name: z.string(), count: num })),
    byCategory: z.array(z.object({ categoryId: z.nullable(z.string()), key: z.string(), name: z.string(), count: num })),
    heatmap: z.array(z.array(num)),
  }),
  devices: z.array(z.object({
    deviceId: z.string(), name: z.string(), siteCode: z.string(), observedMinutes: num, offlineMinutes: num, offlineTickets: num, uptimePercent: maybe,
  })),
  agents: z.array(z.object({ userId: z.string(), name: z.string(), role: z.string(), available: z.boolean(), openTickets: num, capacity: num, loadPercent: maybe })),
});
export type Report = z.infer<typeof Report>;

export const REPORT_TABLES = [
  'kpis', 'times', 'sla', 'satisfaction', 'presses-by-site', 'presses-by-category', 'heatmap', 'press-outcomes', 'device-uptime', 'agent-load',
] as const;
export type ReportTableName = (typeof REPORT_TABLES)[number];

/** The query string the server takes: `from`, `to` (ISO), `siteId`, `categoryId`, `teamId`, `priority`. */
export type ReportApiQuery = Partial<Record<'from' | 'to' | 'siteId' | 'categoryId' | 'teamId' | 'priority', string>>;

function search(q: ReportApiQuery, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...q, ...extra })) if (v) params.set(k, v);
  const s = params.toString();
  return s ? `?${s}` : '';
}

export const reportsApi = {
  summary: (q: ReportApiQuery) => request('GET', `/api/reports/summary${search(q)}`, Report),
  /** A plain link: the browser downloads it (Content-Disposition: attachment) with the session cookie. */
  csvUrl: (table: ReportTableName, q: ReportApiQuery) => `/api/reports/${table}${search(q, { format: 'csv' })}`,
};
