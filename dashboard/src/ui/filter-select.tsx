/** A labelled filter drop-down whose first choice, "All", means no filter (null). */
import { useI18n } from '../i18n/i18n.tsx';

export type FilterOption = { value: string; label: string };

export function FilterSelect({ id, label, value, options, onChange }: {
  id: string; label: string; value: string | null; options: FilterOption[]; onChange(v: string | null): void;
}) {
  const { t } = useI18n();
  return (
    <div class="filter">
      <label for={id}>{label}</label>
      <select id={id} value={value ?? ''} onChange={(e) => onChange(e.currentTarget.value || null)}>
        <option value="">{t('filters.all')}</option>
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
    </div>
  );
}
