/** One part of the report: a heading, an optional chart, its table (the chart's text equivalent) and the table's CSV download. */
import type { ComponentChildren } from 'preact';
import { reportsApi, type ReportApiQuery, type ReportTableName } from '../../api/reports.ts';
import { useI18n } from '../../i18n/i18n.tsx';

export type Column = { label: string; numeric?: boolean };

type Props = { id: string; title: string; table: ReportTableName; query: ReportApiQuery; note?: string; chart?: ComponentChildren; children: ComponentChildren };

export function ReportSection({ id, title, table, query, note, chart, children }: Props) {
  const { t } = useI18n();
  return (
    <section class="panel report-section" aria-labelledby={id} data-table={table}>
      <div class="report-section-head">
        <h2 id={id}>{title}</h2>
        <a class="csv-link" href={reportsApi.csvUrl(table, query)} download>
          {t('reports.downloadCsv')}<span class="visually-hidden"> — {title}</span>
        </a>
      </div>
      {note && <p class="report-note">{note}</p>}
      {chart}
      {children}
    </section>
  );
}

/** A plain table of strings; numeric columns are aligned to the end. Cells are text nodes (names inside <bdi>). */
export function DataTable({ caption, columns, rows, empty }: { caption: string; columns: Column[]; rows: ComponentChildren[][]; empty?: string }) {
  const { t } = useI18n();
  if (rows.length === 0) return <p class="empty">{empty ?? t('reports.noData')}</p>;
  return (
    <div class="table-scroll">
      <table class="data-table report-table">
        <caption class="visually-hidden">{caption}</caption>
        <thead><tr>{columns.map((c) => <th key={c.label} scope="col" class={c.numeric ? 'num' : undefined}>{c.label}</th>)}</tr></thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={i}>{row.map((cell, j) => (j === 0 ? <th key={j} scope="row">{cell}</th> : <td key={j} class={columns[j]?.numeric ? 'num' : undefined}>{cell}</td>))}</tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
