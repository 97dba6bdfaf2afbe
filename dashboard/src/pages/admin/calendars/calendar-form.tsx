/** Create or change a calendar: name, time zone, working hours (with presets) and holidays. */
import { useState } from 'preact/hooks';
import type { Calendar } from '../../../api/admin.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { timeZones } from '../time-zones.ts';
import { EditorPanel, errorFor, Field, type FieldErrors } from '../ui/index.ts';
import { HolidaysEditor, holidayBody, holidayDraft, type HolidayDraft } from './holidays-editor.tsx';
import { PRESETS, toApiHours, toFormHours, type Hours, type Preset } from './hours.ts';
import { WeekEditor } from './week-editor.tsx';

export type CalendarDraft = { id?: string; name: string; timezone: string; hours: Hours; holidays: HolidayDraft[] };

export const newCalendar = (): CalendarDraft =>
  ({ name: '', timezone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC', hours: PRESETS.monFri(), holidays: [] });
export const calendarDraft = (c: Calendar): CalendarDraft =>
  ({ id: c.id, name: c.name, timezone: c.timezone, hours: toFormHours(c.hours), holidays: c.holidays.map(holidayDraft) });
export const calendarBody = (d: CalendarDraft) =>
  ({ name: d.name, timezone: d.timezone, hours: toApiHours(d.hours), holidays: d.holidays.map(holidayBody) });

const PRESET_LABELS: Record<Preset, 'admin.calendar.presetMonFri' | 'admin.calendar.presetSatWed' | 'admin.calendar.presetSunThu' | 'admin.calendar.preset24x7'> = {
  monFri: 'admin.calendar.presetMonFri', satWed: 'admin.calendar.presetSatWed', sunThu: 'admin.calendar.presetSunThu', allWeek: 'admin.calendar.preset24x7',
};

export function CalendarForm({ draft: initial, errors, saving, formError, onSave, onCancel }: {
  draft: CalendarDraft; errors: FieldErrors; saving: boolean; formError: string | null; onSave: (d: CalendarDraft) => void; onCancel: () => void;
}) {
  const { t } = useI18n();
  const [d, setD] = useState(initial);
  const set = (patch: Partial<CalendarDraft>) => setD((cur) => ({ ...cur, ...patch }));
  return (
    <EditorPanel
      title={d.id ? t('admin.calendar.edit', { name: initial.name }) : t('admin.calendar.new')}
      saving={saving} formError={formError} onSubmit={() => onSave(d)} onCancel={onCancel}
    >
      <Field label={t('admin.calendar.name')} error={errorFor(errors, 'name')}>
        {(p) => <input {...p} value={d.name} required maxLength={200} onInput={(e) => set({ name: e.currentTarget.value })} />}
      </Field>
      <Field label={t('admin.calendar.timezone')} error={errorFor(errors, 'timezone')}>
        {(p) => (
          <select {...p} value={d.timezone} onChange={(e) => set({ timezone: e.currentTarget.value })}>
            {timeZones(d.timezone).map((z) => <option key={z} value={z}>{z}</option>)}
          </select>
        )}
      </Field>
      <div class="field-wide presets" role="group" aria-label={t('admin.calendar.presets')}>
        <span class="presets-label">{t('admin.calendar.presets')}</span>
        {(Object.keys(PRESETS) as Preset[]).map((p) => (
          <button key={p} type="button" onClick={() => set({ hours: PRESETS[p]() })}>{t(PRESET_LABELS[p])}</button>
        ))}
      </div>
      <WeekEditor hours={d.hours} onChange={(hours) => set({ hours })} errors={errors} />
      <HolidaysEditor holidays={d.holidays} onChange={(holidays) => set({ holidays })} errors={errors} />
    </EditorPanel>
  );
}
