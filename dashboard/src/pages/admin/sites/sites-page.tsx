/** `/admin/sites`: the branches, each with its time zone, tier, calendar, language and contacts. */
import { useState } from 'preact/hooks';
import { admin, type AdminSite } from '../../../api/admin.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { LOCALE_NAMES, type Locale } from '../../../i18n/locales.ts';
import { ErrorState, Loading } from '../../../ui/states.tsx';
import { AdminLayout } from '../admin-layout.tsx';
import '../pages.css';
import { ConfirmButton, EntityTable, ListHeader, useLoad, useSave } from '../ui/index.ts';
import { newSite, siteBody, siteDraft, SiteForm, type SiteDraft } from './site-form.tsx';

const loadAll = async () => {
  const [sites, calendars] = await Promise.all([admin.sites.list(), admin.calendars.list()]);
  return { sites, calendars };
};

export function SitesPage() {
  const { t } = useI18n();
  const list = useLoad(loadAll);
  const save = useSave();
  const [editing, setEditing] = useState<SiteDraft | null>(null);
  const data = list.data;

  const open = (draft: SiteDraft | null) => {
    save.clear();
    setEditing(draft);
  };
  const submit = async (d: SiteDraft) => {
    const body = siteBody(d);
    const ok = await save.run(() => (d.id ? admin.sites.update(d.id, body) : admin.sites.create(body)), t('admin.site.saved', { name: body.name }));
    if (ok) {
      setEditing(null);
      await list.reload();
    }
  };
  const remove = (s: AdminSite) => save.run(async () => {
    await admin.sites.remove(s.id);
    if (editing?.id === s.id) setEditing(null);
    await list.reload();
  }, t('admin.site.deleted', { name: s.name }));

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
