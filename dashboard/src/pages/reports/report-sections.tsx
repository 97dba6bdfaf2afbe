/** Every table of the report, each with its chart where one helps and its CSV download. */
import type { Report, ReportApiQuery } from '../../api/reports.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { BarChart } from './bar-chart.tsx';
import { count, minutes, percent } from './format.ts';
import { Heatmap } from './heatmap.tsx';
import { DataTable, ReportSection } from './report-section.tsx';

const num = (label: string) => ({ label, numeric: true });

export function ReportSections({ report: r, query }: { report: Report; query: ReportApiQuery }) {
  const tr = useI18n();
  const { t } = tr;
  const clocks = [['wall', t('reports.wall')], ['business', t('reports.business')]] as const;
  const measures = [['acknowledge', t('reports.acknowledge')], ['resolve', t('reports.resolve')]] as const;
  const targets = [['response', t('reports.response')], ['resolution', t('reports.resolution')]] as const;
  const ratings = ['1', '2', '3', '4', '5'] as const;
  const groupName = (g: string) => t(`reports.group.${g === 'repeat' || g === 'accidental' || g === 'cancelled' ? g : 'ticket'}`);
  const common = { query };
  return (
    <div class="report-sections">
      <ReportSection id="r-times" title={t('reports.times')} table="times" note={t('reports.timesNote')} {...common}
        chart={<BarChart label={t('reports.timesChart')} unit={(m) => minutes(tr, m)}
          labels={measures.flatMap(([, m]) => clocks.map(([, c]) => `${m} · ${c}`))}
          series={[
            { label: t('reports.median'), tone: 'accent', values: measures.flatMap(([m]) => clocks.map(([c]) => r.times[m][c].median ?? 0)) },
            { label: t('reports.p90'), tone: 'warn', values: measures.flatMap(([m]) => clocks.map(([c]) => r.times[m][c].p90 ?? 0)) },
          ]} />}>
        <DataTable caption={t('reports.times')} columns={[{ label: t('reports.measure') }, { label: t('reports.clock') }, num(t('reports.count')), num(t('reports.median')), num(t('reports.p90'))]}
          rows={measures.flatMap(([m, ml]) => clocks.map(([c, cl]) => [ml, cl, count(tr, r.times[m][c].count), minutes(tr, r.times[m][c].median), minutes(tr, r.times[m][c].p90)]))} />
      </ReportSection>

      <ReportSection id="r-sla" title={t('reports.sla')} table="sla" note={t('reports.slaNote')} {...common}
        chart={<BarChart label={t('reports.slaChart')} horizontal stacked labels={targets.map(([, l]) => l)}
          series={[
            { label: t('reports.met'), tone: 'ok', values: targets.map(([k]) => r.sla[k].met) },
            { label: t('reports.missed'), tone: 'breach', values: targets.map(([k]) => r.sla[k].missed) },
          ]} />}>
        <DataTable caption={t('reports.sla')} columns={[{ label: t('reports.target') }, num(t('reports.met')), num(t('reports.missed')), num(t('reports.compliance')), num(t('reports.breaches'))]}
          rows={targets.map(([k, l]) => [l, count(tr, r.sla[k].met), count(tr, r.sla[k].missed), percent(tr, r.sla[k].compliancePercent), count(tr, r.sla[k].breaches)])} />
      </ReportSection>

      <ReportSection id="r-satisfaction" title={t('reports.satisfaction')} table="satisfaction" note={t('reports.qualityNote')} {...common}
        chart={<BarChart label={t('reports.satisfactionChart')} labels={ratings.map((k) => t('reports.stars', { n: Number(k) }))}
          series={[{ label: t('reports.tickets'), tone: 'accent', values: ratings.map((k) => r.satisfaction.distribution[k]) }]} />}>
        <DataTable caption={t('reports.satisfaction')} columns={[{ label: t('reports.rating') }, num(t('reports.tickets'))]}
          rows={ratings.map((k) => [t('reports.stars', { n: Number(k) }), count(tr, r.satisfaction.distribution[k])])} />
      </ReportSection>

      <ReportSection id="r-sites" title={t('reports.bySite')} table="presses-by-site" {...common}
        chart={r.presses.bySite.length > 0 && <BarChart label={t('reports.bySiteChart')} horizontal labels={r.presses.bySite.map((s) => s.name)}
          series={[{ label: t('reports.presses'), tone: 'accent', values: r.presses.bySite.map((s) => s.count) }]} />}>
        <DataTable caption={t('reports.bySite')} columns={[{ label: t('filters.site') }, num(t('reports.presses'))]}
          rows={r.presses.bySite.map((s) => [<bdi key="n">{s.name}</bdi>, count(tr, s.count)])} />
      </ReportSection>

      <ReportSection id="r-categories" title={t('reports.byCategory')} table="presses-by-category" {...common}
        chart={r.presses.byCategory.length > 0 && <BarChart label={t('reports.byCategoryChart')} horizontal labels={r.presses.byCategory.map((c) => c.name || t('reports.unmapped'))}
          series={[{ label: t('reports.presses'), tone: 'accent', values: r.presses.byCategory.map((c) => c.count) }]} />}>
        <DataTable caption={t('reports.byCategory')} columns={[{ label: t('filters.category') }, num(t('reports.presses'))]}
          rows={r.presses.byCategory.map((c) => [<bdi key="n">{c.name || t('reports.unmapped')}</bdi>, count(tr, c.count)])} />
      </ReportSection>

      <ReportSection id="r-heatmap" title={t('reports.heatmap')} table="heatmap" note={t('reports.heatmapNote')} {...common}>
        <Heatmap cells={r.presses.heatmap} />
      </ReportSection>

      <ReportSection id="r-outcomes" title={t('reports.outcomes')} table="press-outcomes" note={t('reports.outcomesNote')} {...common}>
        <DataTable caption={t('reports.outcomes')} columns={[{ label: t('reports.outcome') }, { label: t('reports.group') }, num(t('reports.presses'))]}
          rows={r.presses.byOutcome.map((o) => [t(`reports.outcome.${o.outcome}` as 'reports.outcome.created'), groupName(o.group), count(tr, o.count)])} />
      </ReportSection>

      <ReportSection id="r-uptime" title={t('reports.uptime')} table="device-uptime" note={t('reports.uptimeNote')} {...common}>
        <DataTable caption={t('reports.uptime')} columns={[{ label: t('reports.device') }, { label: t('filters.site') }, num(t('reports.offline')), num(t('reports.offlineTickets')), num(t('reports.uptimeCol'))]}
          rows={r.devices.map((d) => [<bdi key="n">{d.name}</bdi>, d.siteCode, minutes(tr, d.offlineMinutes), count(tr, d.offlineTickets), percent(tr, d.uptimePercent)])} />
      </ReportSection>

      <ReportSection id="r-load" title={t('reports.load')} table="agent-load" note={t('reports.loadNote')} {...common}
        chart={r.agents.length > 0 && <BarChart label={t('reports.loadChart')} horizontal labels={r.agents.map((a) => a.name)}
          series={[
            { label: t('reports.open'), tone: 'accent', values: r.agents.map((a) => a.openTickets) },
            { label: t('reports.capacity'), tone: 'muted', values: r.agents.map((a) => a.capacity) },
          ]} />}>
        <DataTable caption={t('reports.load')} columns={[{ label: t('reports.agent') }, num(t('reports.open')), num(t('reports.capacity')), num(t('reports.loadCol'))]}
          rows={r.agents.map((a) => [<bdi key="n">{a.name}</bdi>, count(tr, a.openTickets), count(tr, a.capacity), percent(tr, a.loadPercent)])} />
      </ReportSection>
    </div>
  );
}
