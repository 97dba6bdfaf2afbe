import { describe, expect, it } from 'vitest';
import { tableCsv } from './csv.ts';

describe('tableCsv', () => {
  it('writes a header and rows with CRLF, empty cells for null', () => {
    expect(tableCsv({ table: 'sla', columns: ['target', 'met', 'compliancePercent'], rows: [['response', 3, null], ['resolution', 0, 12.5]] }))
      .toBe('target,met,compliancePercent\r\nresponse,3,\r\nresolution,0,12.5\r\n');
  });

  it('quotes commas, quotes and line breaks (RFC 4180)', () => {
    expect(tableCsv({ table: 'presses-by-site', columns: ['siteName'], rows: [['Łódź, "Manufaktura"'], ['two\nlines']] }))
      .toBe('siteName\r\n"Łódź, ""Manufaktura"""\r\n"two\nlines"\r\n');
  });

  it('defuses formulas in text cells but keeps negative numbers', () => {
    const csv = tableCsv({ table: 'agent-load', columns: ['name', 'n'], rows: [['=HYPERLINK("x")', -3], ['+1', 1], ['-2', 2], ['@SUM(A1)', 3], ['ok', 4]] });
    expect(csv.split('\r\n')).toEqual(['name,n', '"\'=HYPERLINK(""x"")",-3', "'+1,1", "'-2,2", "'@SUM(A1),3", 'ok,4', '']);
  });
});
