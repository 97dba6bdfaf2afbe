/** `/admin/sites`: the branches, each with its time zone, tier, calendar, language and contacts. */
import { admin } from '../../../api/admin.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { LOCALE_NAMES, type Locale } from '../../../i18n/locales.ts';
import { ErrorState, Loading } from '../../../ui/states.tsx';
import { AdminLayout } from '../admin-layout.tsx';
import '../pages.css';
import { ConfirmButton, EntityTable, ListHeader, useLoad, useEditor } from '../ui/index.ts';
import { newSite, siteBody, siteDraft, SiteForm, type SiteDraft } from './site-form.tsx';

const loadAll = async () => {
  const [sites, calendars] = await Promise.all([admin.sites.list(), admin.calendars.list()]);
  return { sites, calendars };
};

export function SitesPage() {
  const { t } = useI18n();
  const list = useLoad(loadAll);
  const { save, editing, open, submit, remove } = useEditor<SiteDraft, ReturnType<typeof siteBody>>({
    api: admin.sites, body: siteBody, reload: list.reload,
    saved: (name) => t('admin.site.saved', { name }), deleted: (name) => t('admin.site.deleted', { name }),
  });
  const data = list.data;

  const calendarName = (id: string | null) => data?.calendars.find((c) => c.id === id)?.name;
  return (
    <AdminLayout title={t('admin.sites')}>
      {!editing && save.formError && <p class="form-error" role="alert">{save.formError}</p>}
      {editing && data && (
        <SiteForm
          key={editing.id ?? 'new'} draft={editing} calendars={data.calendars} tiers={[...new Set(data.sites.map((s) => s.tier))]}
          errors={save.errors} saving={save.saving} formError={save.formError} onSave={(d) => void submit(d)} onCancel={() => open(null)}
        />
      )}
      {list.error ? <ErrorState error={list.error} retry={() => void list.reload()} /> : !data ? <Loading /> : (
        <>
          <ListHeader count={t('admin.site.count', { count: data.sites.length })} newLabel={t('admin.site.new')} onNew={editing ? undefined : () => open(newSite())} />
          <EntityTable
            caption={t('admin.sites')} rows={data.sites} empty={t('admin.site.empty')} current={editing?.id}
            columns={[
              { key: 'name', label: t('admin.site.name'), render: (s) => <strong><bdi>{s.name}</bdi></strong> },
              { key: 'code', label: t('admin.site.code'), render: (s) => <code>{s.code}</code> },
              { key: 'timezone', label: t('admin.site.timezone'), render: (s) => s.timezone },
              { key: 'tier', label: t('admin.site.tier'), render: (s) => <bdi>{s.tier}</bdi> },
              { key: 'calendar', label: t('admin.site.calendar'), render: (s) => <bdi>{calendarName(s.calendarId) ?? t('admin.site.noCalendar')}</bdi> },
              { key: 'language', label: t('admin.site.language'), render: (s) => (s.language ? LOCALE_NAMES[s.language as Locale] ?? s.language : '—') },
            ]}
            actions={(s) => (
              <>
                <button type="button" onClick={() => open(siteDraft(s))} aria-label={t('admin.editNamed', { name: s.name })}>{t('admin.edit')}</button>
                <ConfirmButton question={t('admin.site.deleteQuestion', { name: s.name })} onConfirm={() => remove(s)}>{t('admin.delete')}</ConfirmButton>
              </>
            )}
          />
        </>
      )}
    </AdminLayout>
  );
}
