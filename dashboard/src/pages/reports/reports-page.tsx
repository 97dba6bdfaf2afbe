/**
 * Reports (design §9; managers and admins): filters and time range kept in the URL, headline
 * numbers, charts each with its table, and a CSV download of every table.
 */
import './reports.css';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import type { ApiError } from '../../api/http.ts';
import { type Report, reportsApi } from '../../api/reports.ts';
import type { User } from '../../api/schemas.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { AppShell } from '../../ui/app-shell.tsx';
import { ErrorState, Loading } from '../../ui/states.tsx';
import { useReference } from '../board/use-reference.ts';
import { KpiCards } from './kpi-cards.tsx';
import { ReportFilterBar } from './report-filter-bar.tsx';
import { parseReportFilters, reportFiltersToSearch, toApiQuery } from './report-filters.ts';
import { ReportSections } from './report-sections.tsx';

export function ReportsPage({ me }: { me: User }) {
  const { t } = useI18n();
  if (me.role !== 'admin' && me.role !== 'manager') {
    return <AppShell><p role="alert" class="error-state">{t('error.forbidden')}</p></AppShell>;
  }
  return <AppShell wide><h1 id="reports-title">{t('reports.title')}</h1><Reports /></AppShell>;
}

function Reports() {
  const { t, date } = useI18n();
  const { query, route } = useLocation();
  const { reference, error: referenceError } = useReference(true);
  const filters = parseReportFilters(query);
  const [nowMs] = useState(() => Date.now());
  const apiQuery = useMemo(() => (reference ? toApiQuery(filters, {
    siteIdByCode: new Map([...reference.sites.values()].map((s) => [s.code, s.id])),
    categoryIdByKey: new Map([...reference.categories.values()].map((c) => [c.key, c.id])),
  }) : null), [reference, reportFiltersToSearch(filters)]);
  const key = JSON.stringify(apiQuery);
  const [state, setState] = useState<{ key: string; report?: Report; error?: ApiError } | null>(null);
  useEffect(() => {
    if (!apiQuery) return;
    let live = true;
    reportsApi.summary(apiQuery).then((report) => live && setState({ key, report }), (error: ApiError) => live && setState({ key, error }));
    return () => {
      live = false;
    };
  }, [key]);

  const error = referenceError ?? state?.error;
  if (error) return <ErrorState error={error} retry={() => location.reload()} />;
  if (!reference || !apiQuery) return <Loading />;
  const report = state?.report;
  // The range actually reported (inclusive last day): what the server answered.
  const lastDay = report && new Date(Date.parse(report.range.to) - 1).toISOString();
  return (
    <>
      <ReportFilterBar filters={filters} reference={reference} nowMs={nowMs} onChange={(next) => route(`/reports${reportFiltersToSearch(next)}`, true)}
        shown={report && { from: report.range.from.slice(0, 10), to: lastDay!.slice(0, 10) }} />
      {!report ? <Loading label={t('reports.loading')} /> : (
        // The last report stays while the next one loads: no jump, just dimmed.
        <div class={state?.key === key ? 'reports-body' : 'reports-body reports-stale'} aria-busy={state?.key !== key} data-query={key}>
          <p class="report-range">{t('reports.range', { from: date(report.range.from, 'UTC'), to: date(lastDay!, 'UTC') })}</p>
          <KpiCards report={report} />
          <ReportSections report={report} query={apiQuery} />
          <p class="report-csv-all"><a class="csv-link" href={reportsApi.csvUrl('kpis', apiQuery)} download>{t('reports.downloadKpis')}</a></p>
        </div>
      )}
    </>
  );
}
