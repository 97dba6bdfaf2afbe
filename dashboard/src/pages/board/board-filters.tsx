/** The filter bar: each filter a labelled select; every change is written to the URL. */
import { OPEN_STATUSES, PRIORITIES, type User } from '../../api/schemas.ts';
import { useState } from 'preact/hooks';
import { FILTER_KEYS, hasFilters, NO_FILTERS, type BoardFilters } from '../../domain/board-filters.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { Reference } from './use-reference.ts';
import { FilterSelect, type FilterOption } from '../../ui/filter-select.tsx';

type Props = { filters: BoardFilters; reference: Reference; me: User; onChange(next: BoardFilters): void };

const byLabel = (a: FilterOption, b: FilterOption) => a.label.localeCompare(b.label);

export function BoardFilterBar({ filters, reference, me, onChange }: Props) {
  const { t } = useI18n();
  const set = <K extends keyof BoardFilters>(key: K) => (value: string | null) => onChange({ ...filters, [key]: value });
  const people = [...reference.users.values()].filter((u) => u.role !== 'staff' && u.id !== me.id && !u.disabled);
  const active = FILTER_KEYS.filter((k) => filters[k] !== null).length;
  // Folded on phones unless a filter is set; always open on wider screens (the summary is hidden there).
  const [open] = useState(() => active > 0 || matchMedia('(min-width: 48rem)').matches);
  return (
    <details class="filters-fold" open={open}>
      <summary>{t('filters.title')}{active > 0 && ` (${active})`}</summary>
      <form class="filters" role="search" aria-label={t('filters.title')} onSubmit={(e) => e.preventDefault()}>
        <FilterSelect id="filter-site" label={t('filters.site')} value={filters.site} onChange={set('site')}
          options={[...reference.sites.values()].map((s) => ({ value: s.code, label: s.name })).sort(byLabel)} />
        <FilterSelect id="filter-category" label={t('filters.category')} value={filters.category} onChange={set('category')}
          options={[...reference.categories.values()].map((c) => ({ value: c.key, label: c.name })).sort(byLabel)} />
        <FilterSelect id="filter-status" label={t('filters.status')} value={filters.status} onChange={set('status')}
          options={OPEN_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))} />
        <FilterSelect id="filter-priority" label={t('filters.priority')} value={filters.priority} onChange={set('priority')}
          options={PRIORITIES.map((p) => ({ value: p, label: `${p} · ${t(`priority.${p}`)}` }))} />
        <FilterSelect id="filter-assignee" label={t('filters.assignee')} value={filters.assignee} onChange={set('assignee')}
          options={[{ value: 'me', label: t('filters.me') }, { value: 'none', label: t('filters.nobody') }, ...people.map((u) => ({ value: u.id, label: u.name })).sort(byLabel)]} />
        {reference.teams.length > 0 && (
          <FilterSelect id="filter-team" label={t('filters.team')} value={filters.team} onChange={set('team')}
            options={reference.teams.map((x) => ({ value: x.id, label: x.name })).sort(byLabel)} />
        )}
        {hasFilters(filters) && <button type="button" class="link-button filters-clear" onClick={() => onChange(NO_FILTERS)}>{t('filters.clear')}</button>}
      </form>
    </details>
  );
}
