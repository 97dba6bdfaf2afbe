/** Holidays: a whole day closed, or only part of it (start–end). */
import type { Holiday } from '../../../api/admin.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { errorFor, Field, type FieldErrors } from '../ui/index.ts';

export type HolidayDraft = { date: string; name: string; partial: boolean; start: string; end: string };

export const holidayDraft = (h: Holiday): HolidayDraft =>
  ({ date: h.date, name: h.name, partial: h.start !== undefined || h.end !== undefined, start: h.start ?? '09:00', end: h.end === '24:00' ? '00:00' : h.end ?? '13:00' });

export const holidayBody = (h: HolidayDraft): Holiday => ({
  date: h.date, name: h.name, ...(h.partial && { start: h.start, end: h.end === '00:00' ? '24:00' : h.end }),
});

export function HolidaysEditor({ holidays, onChange, errors }: { holidays: HolidayDraft[]; onChange: (h: HolidayDraft[]) => void; errors: FieldErrors }) {
  const { t } = useI18n();
  const set = (i: number, patch: Partial<HolidayDraft>) => onChange(holidays.map((h, j) => (j === i ? { ...h, ...patch } : h)));
  // The server names holidays by index: holidays.2.date (schema) or holidays[2].date (calendar rules).
  const err = (i: number, field?: string) => errorFor(errors, `holidays.${i}${field ? `.${field}` : ''}`) ?? errorFor(errors, `holidays[${i}]${field ? `.${field}` : ''}`);
  return (
    <fieldset class="field-wide rows-fieldset">
      <legend>{t('admin.calendar.holidays')}</legend>
      {holidays.length === 0 && <p class="muted">{t('admin.calendar.noHolidays')}</p>}
      <ol class="edit-rows">
        {holidays.map((h, i) => (
          <li key={i} class="edit-row holiday-row">
            <Field label={t('admin.calendar.holidayDate')} error={err(i, 'date')}>
              {(p) => <input {...p} type="date" required value={h.date} onInput={(e) => set(i, { date: e.currentTarget.value })} />}
            </Field>
            <Field label={t('admin.calendar.holidayName')} error={err(i, 'name')}>
              {(p) => <input {...p} required maxLength={200} value={h.name} onInput={(e) => set(i, { name: e.currentTarget.value })} />}
            </Field>
            <label class="check-option">
              <input type="checkbox" checked={h.partial} onChange={(e) => set(i, { partial: e.currentTarget.checked })} />
              <span>{t('admin.calendar.partOfDay')}</span>
            </label>
            {h.partial && (
              <div class="time-range" role="group" aria-label={t('admin.calendar.closedFromTo')}>
                <label><span class="visually-hidden">{t('admin.calendar.closedFrom')}</span>
                  <input type="time" value={h.start} onInput={(e) => set(i, { start: e.currentTarget.value })} /></label>
                <span aria-hidden="true">–</span>
                <label><span class="visually-hidden">{t('admin.calendar.closedTo')}</span>
                  <input type="time" value={h.end} onInput={(e) => set(i, { end: e.currentTarget.value })} /></label>
              </div>
            )}
            {err(i) && !err(i, 'date') && !err(i, 'name') && <p class="field-error">{err(i)}</p>}
            <button type="button" class="link-button" onClick={() => onChange(holidays.filter((_, j) => j !== i))}>
              {t('admin.calendar.removeHoliday')}<span class="visually-hidden"> ({h.date})</span>
            </button>
          </li>
        ))}
      </ol>
      <button type="button" onClick={() => onChange([...holidays, { date: '', name: '', partial: false, start: '09:00', end: '13:00' }])}>
        {t('admin.calendar.addHoliday')}
      </button>
    </fieldset>
  );
}
