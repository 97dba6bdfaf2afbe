/**
 * The filters every report route takes (query string): a time range and what to narrow to.
 * Without a range: the last 30 days up to now. Dates alone (`2026-11-01`) are UTC midnight.
 */
import { z } from 'zod';
import { PRIORITIES } from '../db/schema.ts';
import { AppError } from '../errors.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
export const DEFAULT_RANGE_DAYS = 30;
export const MAX_RANGE_DAYS = 366;

const instant = z.union([z.iso.datetime({ offset: true }), z.iso.date()])
  .describe('ISO 8601 date-time with a zone (2026-11-01T00:00:00Z) or a date (UTC midnight)');

const filters = {
  from: instant.optional().describe(`start of the range, inclusive; default: ${DEFAULT_RANGE_DAYS} days before \`to\``),
  to: instant.optional().describe('end of the range, exclusive; default: now'),
  siteId: z.uuid().optional(),
  categoryId: z.uuid().optional(),
  teamId: z.uuid().optional().describe('tickets of this team; presses in categories of this team'),
  priority: z.enum(PRIORITIES).optional().describe('tickets of this priority; presses that fed one'),
};

export const ReportQuery = z.object(filters).strict();
export type ReportQuery = z.infer<typeof ReportQuery>;

export const ReportTableQuery = z.object({
  ...filters,
  format: z.enum(['json', 'csv']).optional().describe('`csv` answers text/csv to download (as does `Accept: text/csv`); default JSON'),
}).strict();

export type ReportRange = { from: Date; to: Date };

const toDate = (s: string) => new Date(s.length === 10 ? `${s}T00:00:00Z` : s);

/** The range a query asks for, with the defaults filled in; VALIDATION when it is empty or longer than a year. */
export function resolveRange(q: Pick<ReportQuery, 'from' | 'to'>, now: Date): ReportRange {
  const to = q.to ? toDate(q.to) : now;
  const from = q.from ? toDate(q.from) : new Date(to.getTime() - DEFAULT_RANGE_DAYS * DAY_MS);
  if (from.getTime() >= to.getTime()) throw new AppError('VALIDATION', 'invalid query: from: must be before to', { fields: [{ field: 'from', message: 'must be before to' }] });
  if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * DAY_MS) {
    throw new AppError('VALIDATION', `invalid query: from: the range is at most ${MAX_RANGE_DAYS} days`, { fields: [{ field: 'from', message: `the range is at most ${MAX_RANGE_DAYS} days` }] });
  }
  return { from, to };
}
