/**
 * `/api/reports` (managers and admins): the whole report as JSON (`/summary`), and each of its
 * tables as JSON or as a CSV download (`/:table?format=csv`, or `Accept: text/csv`).
 */
import { Hono } from 'hono';
import { z } from 'zod';
import { AppError } from '../../errors.ts';
import { tableCsv } from '../../reports/csv.ts';
import { REPORT_TABLES, reportTable } from '../../reports/domain/tables.ts';
import { makeReport } from '../../reports/report.ts';
import { ReportQuery, ReportTableQuery } from '../../reports/report-query.ts';
import { requireUser } from '../auth.ts';
import type { AppEnv } from '../env.ts';
import { parseQuery } from '../validate.ts';

export const ReportTableName = z.enum(REPORT_TABLES);

const day = (iso: string) => iso.slice(0, 10);

export function reportRoutes() {
  const r = new Hono<AppEnv>();

  r.get('/summary', requireUser('admin', 'manager'), async (c) => {
    const { database, now } = c.get('deps');
    return c.json(await makeReport(database.db, parseQuery(c, ReportQuery), now()));
  });

  r.get('/:table', requireUser('admin', 'manager'), async (c) => {
    const name = ReportTableName.safeParse(c.req.param('table'));
    if (!name.success) throw new AppError('NOT_FOUND', `no report table ${c.req.param('table')}; the tables are ${REPORT_TABLES.join(', ')}`);
    const { format, ...query } = parseQuery(c, ReportTableQuery);
    const { database, now } = c.get('deps');
    const report = await makeReport(database.db, query, now());
    const table = reportTable(report, name.data);
    const csv = format === 'csv' || (format === undefined && (c.req.header('accept') ?? '').toLowerCase().includes('text/csv'));
    if (!csv) return c.json({ range: report.range, filters: report.filters, ...table });
    const file = `dash-${name.data}-${day(report.range.from)}-to-${day(report.range.to)}.csv`;
    // The BOM lets spreadsheets read UTF-8 names (Łódź, تهران) right.
    return c.body(`\uFEFF${tableCsv(table)}`, 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${file}"`,
      'cache-control': 'no-store',
    });
  });
  return r;
}
