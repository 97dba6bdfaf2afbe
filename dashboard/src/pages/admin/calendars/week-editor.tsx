/** Working hours for each day of the week: any set of days, several ranges a day, overnight allowed. */
import { DAYS, type Day } from '../../../api/admin.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { INTL_LOCALE } from '../../../i18n/locales.ts';
import { errorFor, type FieldErrors } from '../ui/index.ts';
import type { Hours } from './hours.ts';

/** The weekday's name in the page's language (2024-01-01 was a Monday). */
export function dayName(locale: keyof typeof INTL_LOCALE, day: Day): string {
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], { weekday: 'long', timeZone: 'UTC' }).format(Date.UTC(2024, 0, 1 + DAYS.indexOf(day)));
}

export function WeekEditor({ hours, onChange, errors }: { hours: Hours; onChange: (h: Hours) => void; errors: FieldErrors }) {
  const { t, locale } = useI18n();
  const setDay = (day: Day, ranges: Hours[Day]) => onChange({ ...hours, [day]: ranges });
  return (
    <fieldset class="field-wide rows-fieldset week">
      <legend>{t('admin.calendar.hours')}</legend>
      <p class="field-hint">{t('admin.calendar.hoursHint')}</p>
      {errorFor(errors, 'hours') && <p class="field-error">{errorFor(errors, 'hours')}</p>}
      <ul class="week-days">
        {DAYS.map((day) => {
          const name = dayName(locale, day);
          const ranges = hours[day];
          return (
            <li key={day} class="week-day" data-day={day}>
              <label class="check-option day-open">
                <input
                  type="checkbox" checked={ranges.length > 0}
                  onChange={(e) => setDay(day, e.currentTarget.checked ? [{ start: '09:00', end: '17:00' }] : [])}
                />
                <span>{name}</span>
              </label>
              {ranges.length === 0 ? <span class="muted">{t('admin.calendar.closed')}</span> : (
                <div class="day-ranges">
                  {ranges.map((r, i) => {
                    const overnight = r.end !== '00:00' && r.end <= r.start;
                    return (
                      <div key={i} class="time-range" role="group" aria-label={t('admin.calendar.rangeLabel', { day: name, n: i + 1 })}>
                        <label>
                          <span class="visually-hidden">{t('admin.calendar.from', { day: name, n: i + 1 })}</span>
                          <input type="time" required value={r.start} onInput={(e) => setDay(day, ranges.map((x, j) => (j === i ? { ...x, start: e.currentTarget.value } : x)))} />
                        </label>
                        <span aria-hidden="true">–</span>
                        <label>
                          <span class="visually-hidden">{t('admin.calendar.to', { day: name, n: i + 1 })}</span>
                          <input type="time" required value={r.end} onInput={(e) => setDay(day, ranges.map((x, j) => (j === i ? { ...x, end: e.currentTarget.value } : x)))} />
                        </label>
                        {overnight && <span class="muted overnight">{t('admin.calendar.overnight')}</span>}
                        <button type="button" class="link-button" onClick={() => setDay(day, ranges.filter((_, j) => j !== i))}>
                          {t('admin.calendar.removeRange')}<span class="visually-hidden"> ({name} {i + 1})</span>
                        </button>
                      </div>
                    );
                  })}
                  <button type="button" class="link-button" onClick={() => setDay(day, [...ranges, { start: '18:00', end: '22:00' }])}>
                    {t('admin.calendar.addRange')}<span class="visually-hidden"> ({name})</span>
                  </button>
                </div>
              )}
              {errorFor(errors, `hours.${day}`) && <p class="field-error">{errorFor(errors, `hours.${day}`)}</p>}
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
