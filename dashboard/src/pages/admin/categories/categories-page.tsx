/** `/admin/categories`: what a button reports, its default priority, team and self-help article, per language too. */
import { admin, type AdminCategory } from '../../../api/admin.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { LOCALE_NAMES, type Locale } from '../../../i18n/locales.ts';
import { ErrorState, Loading } from '../../../ui/states.tsx';
import { AdminLayout } from '../admin-layout.tsx';
import '../pages.css';
import { ConfirmButton, EntityTable, ListHeader, useLoad, useEditor } from '../ui/index.ts';
import { categoryBody, categoryDraft, CategoryForm, newCategory, type CategoryDraft } from './category-form.tsx';

const loadAll = async () => {
  const [categories, teams] = await Promise.all([admin.categories.list(), admin.teams.list()]);
  return { categories, teams };
};

export function CategoriesPage() {
  const { t } = useI18n();
  const list = useLoad(loadAll);
  const { save, editing, open, submit, remove } = useEditor<CategoryDraft, ReturnType<typeof categoryBody>>({
    api: admin.categories, body: categoryBody, reload: list.reload,
    saved: (name) => t('admin.category.saved', { name }), deleted: (name) => t('admin.category.deleted', { name }),
  });
  const data = list.data;
  const teamName = (id: string | null) => data?.teams.find((x) => x.id === id)?.name;
  const languages = (c: AdminCategory) => Object.keys(c.names).map((l) => LOCALE_NAMES[l as Locale] ?? l).join(', ');

  return (
    <AdminLayout title={t('admin.categories')}>
      {!editing && save.formError && <p class="form-error" role="alert">{save.formError}</p>}
      {editing && data && (
        <CategoryForm
          key={editing.id ?? 'new'} draft={editing} teams={data.teams} errors={save.errors} saving={save.saving} formError={save.formError}
          onSave={(d) => void submit(d)} onCancel={() => open(null)}
        />
      )}
      {list.error ? <ErrorState error={list.error} retry={() => void list.reload()} /> : !data ? <Loading /> : (
        <>
          <ListHeader count={t('admin.category.count', { count: data.categories.length })} newLabel={t('admin.category.new')} onNew={editing ? undefined : () => open(newCategory())} />
          <EntityTable
            caption={t('admin.categories')} rows={data.categories} empty={t('admin.category.empty')} current={editing?.id}
            columns={[
              { key: 'name', label: t('admin.category.name'), render: (c) => <strong><bdi>{c.name}</bdi></strong> },
              { key: 'key', label: t('admin.category.key'), render: (c) => <code>{c.key}</code> },
              { key: 'priority', label: t('admin.category.priority'), render: (c) => <span class={`priority priority-${c.defaultPriority}`}>{c.defaultPriority}</span> },
              { key: 'team', label: t('admin.category.team'), render: (c) => <bdi>{teamName(c.teamId) ?? '—'}</bdi> },
              { key: 'languages', label: t('admin.category.languages'), render: (c) => languages(c) || '—' },
            ]}
            actions={(c) => (
              <>
                <button type="button" onClick={() => open(categoryDraft(c))} aria-label={t('admin.editNamed', { name: c.name })}>{t('admin.edit')}</button>
                {c.builtIn
                  ? <span class="muted built-in">{t('admin.category.builtIn')}</span>
                  : <ConfirmButton question={t('admin.category.deleteQuestion', { name: c.name })} onConfirm={() => remove(c)}>{t('admin.delete')}</ConfirmButton>}
              </>
            )}
          />
        </>
      )}
    </AdminLayout>
  );
}
