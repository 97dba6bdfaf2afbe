/** `/admin/calendars`: business hours and holidays in a time zone, used by sites and SLA policies. */
import { admin, type Calendar } from '../../../api/admin.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { ErrorState, Loading } from '../../../ui/states.tsx';
import { AdminLayout } from '../admin-layout.tsx';
import '../pages.css';
import { ConfirmButton, EntityTable, ListHeader, useEntityList, useEditor } from '../ui/index.ts';
import { workingDays } from './hours.ts';
import { calendarBody, calendarDraft, CalendarForm, newCalendar, type CalendarDraft } from './calendar-form.tsx';
import { dayName } from './week-editor.tsx';

export function CalendarsPage() {
  const { t, locale } = useI18n();
  const list = useEntityList(admin.calendars.list);
  const { save, editing, open, submit, remove } = useEditor<CalendarDraft, ReturnType<typeof calendarBody>>({
    api: admin.calendars, body: calendarBody, reload: list.reload,
    saved: (name) => t('admin.calendar.saved', { name }), deleted: (name) => t('admin.calendar.deleted', { name }),
  });
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
