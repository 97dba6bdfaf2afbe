/** The headline numbers: one card each, the value large and what it means below. */
import type { Report } from '../../api/reports.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { count, minutes, percent } from './format.ts';

type Card = { id: string; label: string; value: string; detail?: string; tone?: 'breach' | 'ok' };

export function KpiCards({ report: r }: { report: Report }) {
  const tr = useI18n();
  const { t } = tr;
  const cards: Card[] = [
    { id: 'tickets', label: t('reports.kpi.tickets'), value: count(tr, r.tickets) },
    { id: 'ack-median', label: t('reports.kpi.ackMedian'), value: minutes(tr, r.times.acknowledge.wall.median), detail: t('reports.kpi.business', { value: minutes(tr, r.times.acknowledge.business.median) }) },
    { id: 'ack-p90', label: t('reports.kpi.ackP90'), value: minutes(tr, r.times.acknowledge.wall.p90), detail: t('reports.kpi.business', { value: minutes(tr, r.times.acknowledge.business.p90) }) },
    { id: 'resolve-median', label: t('reports.kpi.resolveMedian'), value: minutes(tr, r.times.resolve.wall.median), detail: t('reports.kpi.business', { value: minutes(tr, r.times.resolve.business.median) }) },
    { id: 'resolve-p90', label: t('reports.kpi.resolveP90'), value: minutes(tr, r.times.resolve.wall.p90), detail: t('reports.kpi.business', { value: minutes(tr, r.times.resolve.business.p90) }) },
    { id: 'response-sla', label: t('reports.kpi.responseSla'), value: percent(tr, r.sla.response.compliancePercent), detail: t('reports.kpi.breaches', { count: r.sla.response.breaches }), tone: r.sla.response.breaches ? 'breach' : 'ok' },
    { id: 'resolution-sla', label: t('reports.kpi.resolutionSla'), value: percent(tr, r.sla.resolution.compliancePercent), detail: t('reports.kpi.breaches', { count: r.sla.resolution.breaches }), tone: r.sla.resolution.breaches ? 'breach' : 'ok' },
    { id: 'fcr', label: t('reports.kpi.fcr'), value: percent(tr, r.quality.firstContactPercent), detail: t('reports.kpi.ofResolved', { count: r.quality.firstContact, total: r.quality.resolved }) },
    { id: 'reopen', label: t('reports.kpi.reopen'), value: percent(tr, r.quality.reopenPercent), detail: t('reports.kpi.ofResolved', { count: r.quality.reopened, total: r.quality.everResolved }) },
    { id: 'satisfaction', label: t('reports.kpi.satisfaction'), value: r.satisfaction.average === null ? '—' : t('reports.kpi.outOf5', { value: count(tr, r.satisfaction.average) }), detail: t('reports.kpi.ratings', { count: r.satisfaction.count }) },
    { id: 'presses', label: t('reports.kpi.presses'), value: count(tr, r.presses.total) },
    { id: 'accidental', label: t('reports.kpi.accidental'), value: percent(tr, r.presses.accidentalPercent), detail: t('reports.kpi.cancelled', { value: percent(tr, r.presses.cancelledPercent) }) },
  ];
  return (
    <ul class="kpi-cards" aria-label={t('reports.kpis')}>
      {cards.map((c) => (
        <li key={c.id} class={c.tone ? `kpi kpi-${c.tone}` : 'kpi'} data-kpi={c.id}>
          <span class="kpi-label">{c.label}</span>
          <strong class="kpi-value">{c.value}</strong>
          {c.detail && <span class="kpi-detail">{c.detail}</span>}
        </li>
      ))}
    </ul>
  );
}
