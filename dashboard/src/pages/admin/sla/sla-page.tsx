/** `/admin/sla`: SLA policies, tried in order (first match wins), with a live preview of the deadline they give. */
import { useState } from 'preact/hooks';
import { admin, type SlaPolicy } from '../../../api/admin.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { ErrorState, Loading } from '../../../ui/states.tsx';
import { AdminLayout } from '../admin-layout.tsx';
import '../pages.css';
import { ConfirmButton, EntityTable, ListHeader, useLoad, useEditor } from '../ui/index.ts';
import { newPolicy, policyBody, policyDraft, type PolicyDraft } from './policy-draft.ts';
import { PolicyForm } from './policy-form.tsx';
import { firstProbe, SlaPreview, type Probe } from './sla-preview.tsx';

const loadAll = async () => {
  const [policies, calendars, sites, categories, users] = await Promise.all([
    admin.slaPolicies.list(), admin.calendars.list(), admin.sites.list(), admin.categories.list(), admin.users.list(),
  ]);
  return { policies: policies.sort((a, b) => a.order - b.order || a.name.localeCompare(b.name)), calendars, sites, categories, users };
};

export function SlaPage() {
  const { t } = useI18n();
  const list = useLoad(loadAll);
  const { save, editing, open, submit, remove } = useEditor<PolicyDraft, ReturnType<typeof policyBody>>({
    api: admin.slaPolicies, body: policyBody, reload: list.reload,
    saved: (name) => t('admin.sla.saved', { name }), deleted: (name) => t('admin.sla.deleted', { name }),
  });
  const [chosenProbe, setProbe] = useState<Probe | null>(null);
  const data = list.data;
  const probe = chosenProbe ?? (data ? firstProbe(data.sites, data.categories) : null);
  const nextOrder = () => (data?.policies.length ? Math.max(...data.policies.map((p) => p.order)) + 10 : 100);
  const conditionsText = (p: SlaPolicy) => {
    const c = p.conditions;
    const parts = [
      c.tiers?.length && t('admin.sla.whenTiers', { list: c.tiers.join(', ') }),
      c.siteIds?.length && t('admin.sla.whenSites', { count: c.siteIds.length }),
      c.categoryIds?.length && t('admin.sla.whenCategories', { count: c.categoryIds.length }),
      c.priorities?.length && c.priorities.join(', '),
      c.sources?.length && c.sources.map((s) => t(`admin.sla.source.${s}` as 'admin.sla.source.button')).join(', '),
    ].filter(Boolean);
    return parts.length ? parts.join(' · ') : t('admin.sla.everything');
  };

  return (
    <AdminLayout title={t('admin.sla')}>
      {!editing && save.formError && <p class="form-error" role="alert">{save.formError}</p>}
      {list.error ? <ErrorState error={list.error} retry={() => void list.reload()} /> : !data ? <Loading /> : (
        <>
          {!editing && probe && <SlaPreview sites={data.sites} categories={data.categories} probe={probe} onProbe={setProbe} version={data} />}
          {editing && (
            <PolicyForm
              key={editing.id ?? 'new'} draft={editing} choices={data} errors={save.errors} saving={save.saving} formError={save.formError}
              onSave={(d) => void submit(d)} onCancel={() => open(null)}
              preview={(d) => probe && (
                <SlaPreview sites={data.sites} categories={data.categories} probe={probe} onProbe={setProbe} version={data} draft={{ id: d.id, policy: policyBody(d) }} />
              )}
            />
          )}
          <ListHeader count={t('admin.sla.count', { count: data.policies.length })} newLabel={t('admin.sla.new')} onNew={editing ? undefined : () => open(newPolicy(nextOrder()))} />
          <EntityTable
            caption={t('admin.sla')} rows={data.policies} empty={t('admin.sla.empty')} current={editing?.id}
            columns={[
              { key: 'order', label: t('admin.sla.order'), render: (p) => p.order },
              { key: 'name', label: t('admin.sla.name'), render: (p) => <><strong><bdi>{p.name}</bdi></strong>{!p.enabled && <span class="muted"> · {t('admin.sla.disabled')}</span>}</> },
              { key: 'when', label: t('admin.sla.conditions'), render: conditionsText },
              { key: 'p1', label: t('admin.sla.p1Targets'), render: (p) => `${p.targets.P1?.responseMinutes ?? '—'} / ${p.targets.P1?.resolutionMinutes ?? '—'}` },
            ]}
            actions={(p) => (
              <>
                <button type="button" onClick={() => open(policyDraft(p))} aria-label={t('admin.editNamed', { name: p.name })}>{t('admin.edit')}</button>
                <ConfirmButton question={t('admin.sla.deleteQuestion', { name: p.name })} onConfirm={() => remove(p)}>{t('admin.delete')}</ConfirmButton>
              </>
            )}
          />
        </>
      )}
    </AdminLayout>
  );
}
