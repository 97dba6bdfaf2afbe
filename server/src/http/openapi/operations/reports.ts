/** Reports (routes/reports.ts): the whole report, and each table as JSON or CSV. */
import { REPORT_TABLES } from '../../../reports/domain/tables.ts';
import { ReportAnswer, ReportTableAnswer } from '../../../reports/report-shape.ts';
import { ReportQuery, ReportTableQuery } from '../../../reports/report-query.ts';
import type { Operation } from '../operation.ts';

const READERS = { roles: ['admin', 'manager'] } as const;
const RANGE = 'Tickets count when they were opened in [from, to); presses when they were pressed. ';

export const reportOperations: Operation[] = [
  {
    method: 'get', path: '/api/reports/summary', tag: 'Reports', summary: 'The report: times, SLA, quality, presses, devices, load',
    description: `${RANGE}Time to acknowledge and to resolve (median and p90 by PostgreSQL's percentile_cont rule, in wall and business minutes; `
      + 'business time is the SLA clock of the ticket\'s policy calendar, else its site\'s, else 24×7 in the site\'s zone). '
      + 'SLA compliance: met among tickets whose due time is known and that finished or breached. First-contact resolution: '
      + 'resolved tickets never reopened and never reassigned. Satisfaction: the latest 1–5 rating per ticket. Presses per site, '
      + 'category, outcome and on a weekday × hour heatmap in each site\'s zone. Device uptime from `offline` device-health tickets. '
      + 'Agent load: open tickets now per assignee vs capacity.',
    access: READERS, query: ReportQuery,
    responses: { 200: { description: 'the report', schema: ReportAnswer } },
  },
  {
    method: 'get', path: '/api/reports/{table}', tag: 'Reports', summary: 'One table of the report, as JSON or CSV',
    description: `${RANGE}With \`format=csv\` or \`Accept: text/csv\`: an RFC 4180 download (UTF-8 with a BOM, CRLF, \`Content-Disposition: attachment\`); `
      + 'text cells starting with = + - @ are prefixed with \' so spreadsheets do not run them.',
    access: READERS, query: ReportTableQuery,
    params: { table: { description: 'which table', schema: { type: 'string', enum: [...REPORT_TABLES] } } },
    responses: {
      200: { description: 'the table: columns and rows (or the CSV file)', schema: ReportTableAnswer },
    },
    errors: { NOT_FOUND: 'no such table' },
  },
];
