/** Create or change a category: key, name, default priority, team, self-help article, and both per language. */
import { useState } from 'preact/hooks';
import type { AdminCategory, AdminTeam } from '../../../api/admin.ts';
import { PRIORITIES, type Priority } from '../../../api/schemas.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { LOCALE_NAMES, LOCALES, type Locale } from '../../../i18n/locales.ts';
import { EditorPanel, errorFor, Field, type FieldErrors } from '../ui/index.ts';

export type CategoryDraft = {
  id?: string; builtIn: boolean; key: string; name: string; defaultPriority: Priority; teamId: string; kbArticle: string;
  names: Record<string, string>; kbArticles: Record<string, string>;
};

export const newCategory = (): CategoryDraft => ({ builtIn: false, key: '', name: '', defaultPriority: 'P3', teamId: '', kbArticle: '', names: {}, kbArticles: {} });
export const categoryDraft = (c: AdminCategory): CategoryDraft => ({
  id: c.id, builtIn: c.builtIn, key: c.key, name: c.name, defaultPriority: c.defaultPriority, teamId: c.teamId ?? '', kbArticle: c.kbArticle ?? '',
  names: { ...c.names }, kbArticles: { ...c.kbArticles },
});

const filled = (m: Record<string, string>) => Object.fromEntries(Object.entries(m).filter(([, v]) => v.trim()));

/** The body the API takes; the key only on create (it never changes). */
export function categoryBody(d: CategoryDraft) {
  return {
    ...(!d.id && { key: d.key.trim() }),
    name: d.name, defaultPriority: d.defaultPriority, teamId: d.teamId || null, kbArticle: d.kbArticle.trim() ? d.kbArticle : null,
    names: filled(d.names), kbArticles: filled(d.kbArticles),
  };
}

export function CategoryForm({ draft: initial, teams, errors, saving, formError, onSave, onCancel }: {
  draft: CategoryDraft; teams: AdminTeam[]; errors: FieldErrors; saving: boolean; formError: string | null;
  onSave: (d: CategoryDraft) => void; onCancel: () => void;
}) {
  const { t } = useI18n();
  const [d, setD] = useState(initial);
  const set = (patch: Partial<CategoryDraft>) => setD((cur) => ({ ...cur, ...patch }));
  const setIn = (field: 'names' | 'kbArticles', locale: Locale, value: string) => setD((cur) => ({ ...cur, [field]: { ...cur[field], [locale]: value } }));
  return (
    <EditorPanel
      title={d.id ? t('admin.category.edit', { name: initial.name }) : t('admin.category.new')}
      saving={saving} formError={formError} onSubmit={() => onSave(d)} onCancel={onCancel}
    >
      <Field label={t('admin.category.key')} error={errorFor(errors, 'key')} hint={d.id ? t('admin.category.keyFixed') : t('admin.category.keyHint')}>
        {(p) => <input {...p} value={d.key} readOnly={!!d.id} required autocomplete="off" spellcheck={false} dir="ltr" onInput={(e) => set({ key: e.currentTarget.value })} />}
      </Field>
      <Field label={t('admin.category.name')} error={errorFor(errors, 'name')} hint={t('admin.category.nameHint')}>
        {(p) => <input {...p} value={d.name} required maxLength={200} onInput={(e) => set({ name: e.currentTarget.value })} />}
      </Field>
      <Field label={t('admin.category.priority')} error={errorFor(errors, 'defaultPriority')}>
        {(p) => (
          <select {...p} value={d.defaultPriority} onChange={(e) => set({ defaultPriority: e.currentTarget.value as Priority })}>
            {PRIORITIES.map((x) => <option key={x} value={x}>{x} · {t(`priority.${x}`)}</option>)}
          </select>
        )}
      </Field>
      <Field label={t('admin.category.team')} error={errorFor(errors, 'teamId')}>
        {(p) => (
          <select {...p} value={d.teamId} onChange={(e) => set({ teamId: e.currentTarget.value })}>
            <option value="">{t('admin.category.noTeam')}</option>
            {teams.map((x) => <option key={x.id} value={x.id}>{x.name}</option>)}
          </select>
        )}
      </Field>
      <Field wide label={t('admin.category.article')} error={errorFor(errors, 'kbArticle')} hint={t('admin.category.articleHint')}>
        {(p) => <textarea {...p} rows={3} maxLength={10_000} value={d.kbArticle} onInput={(e) => set({ kbArticle: e.currentTarget.value })} />}
      </Field>
      <fieldset class="field-wide rows-fieldset">
        <legend>{t('admin.category.perLanguage')}</legend>
        <p class="field-hint">{t('admin.category.perLanguageHint')}</p>
        <div class="language-rows">
          {LOCALES.map((l) => (
            <div key={l} class="language-row">
              <Field label={t('admin.category.nameIn', { language: LOCALE_NAMES[l] })} error={errorFor(errors, `names.${l}`)}>
                {(p) => <input {...p} lang={l} dir="auto" value={d.names[l] ?? ''} maxLength={200} onInput={(e) => setIn('names', l, e.currentTarget.value)} />}
              </Field>
              <Field label={t('admin.category.articleIn', { language: LOCALE_NAMES[l] })} error={errorFor(errors, `kbArticles.${l}`)}>
                {(p) => <textarea {...p} lang={l} dir="auto" rows={2} maxLength={10_000} value={d.kbArticles[l] ?? ''} onInput={(e) => setIn('kbArticles', l, e.currentTarget.value)} />}
              </Field>
            </div>
          ))}
        </div>
      </fieldset>
    </EditorPanel>
  );
}
