/**
 * Every table of the report as columns and rows: what `GET /api/reports/:table` answers and
 * exports as CSV, and what the web app shows next to each chart.
 */
import type { Report } from './build-report.ts';

export const REPORT_TABLES = [
  'kpis', 'times', 'sla', 'satisfaction', 'presses-by-site', 'presses-by-category', 'heatmap', 'press-outcomes', 'device-uptime', 'agent-load',
] as const;
export type ReportTableName = (typeof REPORT_TABLES)[number];
export type Cell = string | number | null;
export type ReportTable = { table: ReportTableName; columns: string[]; rows: Cell[][] };

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

function kpis(r: Report): Cell[][] {
  const t = r.times;
  return [
    ['tickets', r.tickets],
    ['ackMedianWallMinutes', t.acknowledge.wall.median], ['ackP90WallMinutes', t.acknowledge.wall.p90],
    ['ackMedianBusinessMinutes', t.acknowledge.business.median], ['ackP90BusinessMinutes', t.acknowledge.business.p90],
    ['resolveMedianWallMinutes', t.resolve.wall.median], ['resolveP90WallMinutes', t.resolve.wall.p90],
    ['resolveMedianBusinessMinutes', t.resolve.business.median], ['resolveP90BusinessMinutes', t.resolve.business.p90],
    ['responseCompliancePercent', r.sla.response.compliancePercent], ['resolutionCompliancePercent', r.sla.resolution.compliancePercent],
    ['responseBreaches', r.sla.response.breaches], ['resolutionBreaches', r.sla.resolution.breaches],
    ['firstContactResolutionPercent', r.quality.firstContactPercent], ['reopenPercent', r.quality.reopenPercent],
    ['satisfactionAverage', r.satisfaction.average], ['satisfactionRatings', r.satisfaction.count],
    ['presses', r.presses.total], ['accidentalPressPercent', r.presses.accidentalPercent], ['cancelledPressPercent', r.presses.cancelledPercent],
  ];
}

const BUILDERS: Record<ReportTableName, { columns: string[]; rows: (r: Report) => Cell[][] }> = {
  kpis: { columns: ['metric', 'value'], rows: kpis },
  times: {
    columns: ['measure', 'clock', 'count', 'medianMinutes', 'p90Minutes'],
    rows: (r) => (['acknowledge', 'resolve'] as const).flatMap((m) => (['wall', 'business'] as const).map((c) => {
      const s = r.times[m][c];
      return [m, c, s.count, s.median, s.p90];
    })),
  },
  sla: {
    columns: ['target', 'met', 'missed', 'compliancePercent', 'breaches'],
    rows: (r) => (['response', 'resolution'] as const).map((k) => [k, r.sla[k].met, r.sla[k].missed, r.sla[k].compliancePercent, r.sla[k].breaches]),
  },
  satisfaction: {
    columns: ['rating', 'tickets'],
    rows: (r) => (['1', '2', '3', '4', '5'] as const).map((k) => [Number(k), r.satisfaction.distribution[k]]),
  },
  'presses-by-site': { columns: ['siteId', 'siteCode', 'siteName', 'presses'], rows: (r) => r.presses.bySite.map((s) => [s.siteId, s.code, s.name, s.count]) },
  'presses-by-category': {
    columns: ['categoryId', 'categoryKey', 'categoryName', 'presses'],
    rows: (r) => r.presses.byCategory.map((c) => [c.categoryId, c.key, c.name, c.count]),
  },
  heatmap: {
    columns: ['weekday', 'hour', 'presses'],
    rows: (r) => r.presses.heatmap.flatMap((hours, d) => hours.map((n, h) => [WEEKDAYS[d]!, h, n])),
  },
  'press-outcomes': { columns: ['outcome', 'group', 'presses'], rows: (r) => r.presses.byOutcome.map((o) => [o.outcome, o.group, o.count]) },
  'device-uptime': {
    columns: ['deviceId', 'deviceName', 'siteCode', 'observedMinutes', 'offlineMinutes', 'offlineTickets', 'uptimePercent'],
    rows: (r) => r.devices.map((d) => [d.deviceId, d.name, d.siteCode, d.observedMinutes, d.offlineMinutes, d.offlineTickets, d.uptimePercent]),
  },
  'agent-load': {
    columns: ['userId', 'name', 'role', 'available', 'openTickets', 'capacity', 'loadPercent'],
    rows: (r) => r.agents.map((a) => [a.userId, a.name, a.role, a.available ? 'yes' : 'no', a.openTickets, a.capacity, a.loadPercent]),
  },
};

export function reportTable(report: Report, table: ReportTableName): ReportTable {
  const b = BUILDERS[table];
  return { table, columns: b.columns, rows: b.rows(report) };
}
