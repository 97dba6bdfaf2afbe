/** `/admin/calendars`: business hours and holidays in a time zone, used by sites and SLA policies. */
import { useState } from 'preact/hooks';
import { admin, type Calendar } from '../../../api/admin.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { ErrorState, Loading } from '../../../ui/states.tsx';
import { AdminLayout } from '../admin-layout.tsx';
import '../pages.css';
import { ConfirmButton, EntityTable, ListHeader, useEntityList, useSave } from '../ui/index.ts';
import { workingDays } from './hours.ts';
import { calendarBody, calendarDraft, CalendarForm, newCalendar, type CalendarDraft } from './calendar-form.tsx';
import { dayName } from './week-editor.tsx';

export function CalendarsPage() {
  const { t, locale } = useI18n();
  const list = useEntityList(admin.calendars.list);
  const save = useSave();
  const [editing, setEditing] = useState<CalendarDraft | null>(null);

  const open = (draft: CalendarDraft | null) => {
    save.clear();
    setEditing(draft);
  };
  const submit = async (d: CalendarDraft) => {
    const body = calendarBody(d);
    const ok = await save.run(() => (d.id ? admin.calendars.update(d.id, body) : admin.calendars.create(body)), t('admin.calendar.saved', { name: body.name }));
    if (ok) {
      setEditing(null);
      await list.reload();
    }
  };
  const remove = (c: Calendar) => save.run(async () => {
    await admin.calendars.remove(c.id);
    await list.reload();
  }, t('admin.calendar.deleted', { name: c.name }));
  const openDays = (c: Calendar) => workingDays(c.hours).map((d) => dayName(locale, d)).join(', ');

  return (
    <AdminLayout title={t('admin.calendars')}>
      {!editing && save.formError && <p class="form-error" role="alert">{save.formError}</p>}
      {editing && <CalendarForm key={editing.id ?? 'new'} draft={editing} errors={save.errors} saving={save.saving} formError={save.formError} onSave={(d) => void submit(d)} onCancel={() => open(null)} />}
      {list.error ? <ErrorState error={list.error} retry={() => void list.reload()} /> : !list.data ? <Loading /> : (
        <>
          <ListHeader count={t('admin.calendar.count', { count: list.data.length })} newLabel={t('admin.calendar.new')} onNew={editing ? undefined : () => open(newCalendar())} />
          <EntityTable
            caption={t('admin.calendars')} rows={list.data} empty={t('admin.calendar.empty')} current={editing?.id}
            columns={[
              { key: 'name', label: t('admin.calendar.name'), render: (c) => <strong><bdi>{c.name}</bdi></strong> },
              { key: 'timezone', label: t('admin.calendar.timezone'), render: (c) => c.timezone },
              { key: 'days', label: t('admin.calendar.openDays'), render: openDays },
              { key: 'holidays', label: t('admin.calendar.holidays'), render: (c) => t('admin.calendar.holidayCount', { count: c.holidays.length }) },
            ]}
            actions={(c) => (
              <>
                <button type="button" onClick={() => open(calendarDraft(c))} aria-label={t('admin.editNamed', { name: c.name })}>{t('admin.edit')}</button>
                <ConfirmButton question={t('admin.calendar.deleteQuestion', { name: c.name })} onConfirm={() => remove(c)}>{t('admin.delete')}</ConfirmButton>
              </>
            )}
          />
        </>
      )}
    </AdminLayout>
  );
}
