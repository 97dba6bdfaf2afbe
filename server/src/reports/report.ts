/** A report for a range and filters: load, then compute. */
import type { Db } from '../db/client.ts';
import { buildReport, type Report } from './domain/build-report.ts';
import { loadReportInput } from './load-report-input.ts';
import { type ReportQuery, resolveRange } from './report-query.ts';

export async function makeReport(db: Db, q: ReportQuery, now: Date): Promise<Report> {
  const range = resolveRange(q, now);
  const filters = { siteId: q.siteId, categoryId: q.categoryId, teamId: q.teamId, priority: q.priority };
  return buildReport(await loadReportInput(db, range, filters), now);
}
