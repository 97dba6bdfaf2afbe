/** The report's filters: a date range with presets, site, category, team, priority; every change goes to the URL. */
import { PRIORITIES } from '../../api/schemas.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { Reference } from '../board/use-reference.ts';
import { lastDays, NO_FILTERS, type ReportFilters } from './report-filters.ts';
import { FilterSelect, type FilterOption } from '../../ui/filter-select.tsx';

/** `shown`: the days the last report covered, shown in the date fields while the URL names none. */
type Props = { filters: ReportFilters; reference: Reference; nowMs: number; shown?: { from: string; to: string } | undefined; onChange(next: ReportFilters): void };

const PRESETS = [7, 30, 90] as const;
const byLabel = (a: FilterOption, b: FilterOption) => a.label.localeCompare(b.label);

export function ReportFilterBar({ filters, reference, nowMs, shown, onChange }: Props) {
  const { t } = useI18n();
  const set = (key: keyof ReportFilters) => (value: string | null) => onChange({ ...filters, [key]: value });
  const from = filters.from ?? shown?.from ?? null;
  const to = filters.to ?? shown?.to ?? null;
  // Changing one end keeps the other where it is shown.
  const setDay = (key: 'from' | 'to') => (value: string | null) => onChange({ ...filters, from, to, [key]: value });
  const current = (days: number) => {
    const p = lastDays(days, nowMs);
    return (filters.from === p.from && filters.to === p.to) || (days === 30 && !filters.from && !filters.to);
  };
  return (
    <form class="filters report-filters" role="search" aria-label={t('reports.filters')} onSubmit={(e) => e.preventDefault()}>
      <div class="filter">
        <label for="report-from">{t('reports.from')}</label>
        <input id="report-from" type="date" value={from ?? ''} max={to ?? undefined} onChange={(e) => setDay('from')(e.currentTarget.value || null)} />
      </div>
      <div class="filter">
        <label for="report-to">{t('reports.to')}</label>
        <input id="report-to" type="date" value={to ?? ''} min={from ?? undefined} onChange={(e) => setDay('to')(e.currentTarget.value || null)} />
      </div>
      <div class="report-presets" role="group" aria-label={t('reports.presets')}>
        {PRESETS.map((days) => (
          <button key={days} type="button" class="preset" aria-pressed={current(days)} onClick={() => onChange({ ...filters, ...lastDays(days, nowMs) })}>
            {t('reports.lastDays', { days })}
          </button>
        ))}
      </div>
      <FilterSelect id="report-site" label={t('filters.site')} value={filters.site} onChange={set('site')}
        options={[...reference.sites.values()].map((s) => ({ value: s.code, label: s.name })).sort(byLabel)} />
      <FilterSelect id="report-category" label={t('filters.category')} value={filters.category} onChange={set('category')}
        options={[...reference.categories.values()].map((c) => ({ value: c.key, label: c.name })).sort(byLabel)} />
      {reference.teams.length > 0 && (
        <FilterSelect id="report-team" label={t('filters.team')} value={filters.team} onChange={set('team')}
          options={reference.teams.map((x) => ({ value: x.id, label: x.name })).sort(byLabel)} />
      )}
      <FilterSelect id="report-priority" label={t('filters.priority')} value={filters.priority} onChange={set('priority')}
        options={PRIORITIES.map((p) => ({ value: p, label: `${p} · ${t(`priority.${p}`)}` }))} />
      {Object.values(filters).some((v) => v !== null) && (
        <button type="button" class="link-button filters-clear" onClick={() => onChange(NO_FILTERS)}>{t('filters.clear')}</button>
      )}
    </form>
  );
}
