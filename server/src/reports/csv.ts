/**
 * A report table as CSV (RFC 4180: comma, CRLF, fields with a comma, quote or line break in
 * double quotes, quotes doubled). A text cell starting with = + - @ (or a tab or CR) is
 * prefixed with ' so a spreadsheet shows it instead of running it as a formula (OWASP "CSV
 * injection"); numbers are left alone, so -3 stays -3.
 */
import { stringify } from 'csv-stringify/sync';
import type { ReportTable } from './domain/tables.ts';

export function tableCsv(table: ReportTable): string {
  return stringify([table.columns, ...table.rows.map((row) => row.map((cell) => cell ?? ''))], {
    record_delimiter: 'windows',
    escape_formulas: true,
    // A bare LF or CR is a line break to a spreadsheet too, not only the CRLF record delimiter.
    quoted_match: /[\r\n]/,
  });
}
