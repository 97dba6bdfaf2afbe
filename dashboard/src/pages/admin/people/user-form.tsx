/** Create or change a user: name, e-mail, role, site (staff need one), phone, language, capacity, availability, password. */
import { useState } from 'preact/hooks';
import type { AdminSite, AdminUser } from '../../../api/admin.ts';
import { ROLES, type User } from '../../../api/schemas.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { LOCALE_NAMES, LOCALES } from '../../../i18n/locales.ts';
import { CheckField, EditorPanel, errorFor, Field, type FieldErrors } from '../ui/index.ts';

type Role = User['role'];
export type UserDraft = {
  id?: string; name: string; email: string; role: Role; siteId: string; phone: string; language: string;
  capacity: string; available: boolean; disabled: boolean; password: string;
};

export const newUser = (): UserDraft =>
  ({ name: '', email: '', role: 'agent', siteId: '', phone: '', language: '', capacity: '5', available: true, disabled: false, password: '' });
export const userDraft = (u: AdminUser): UserDraft => ({
  id: u.id, name: u.name, email: u.email, role: u.role, siteId: u.siteId ?? '', phone: u.phone ?? '', language: u.language ?? '',
  capacity: String(u.capacity), available: u.available, disabled: u.disabled, password: '',
});

/** The body the API takes; a password only when one was typed (on a change it replaces the old one). */
export const userBody = (d: UserDraft) => ({
  name: d.name, email: d.email.trim(), role: d.role, siteId: d.siteId || null, phone: d.phone.trim() || null, language: d.language || null,
  capacity: d.capacity.trim() === '' ? 0 : Number(d.capacity), available: d.available, disabled: d.disabled,
  ...(d.password && { password: d.password }),
});

export function UserForm({ draft: initial, sites, errors, saving, formError, onSave, onCancel }: {
  draft: UserDraft; sites: AdminSite[]; errors: FieldErrors; saving: boolean; formError: string | null; onSave: (d: UserDraft) => void; onCancel: () => void;
}) {
  const { t } = useI18n();
  const [d, setD] = useState(initial);
  const set = (patch: Partial<UserDraft>) => setD((cur) => ({ ...cur, ...patch }));
  return (
    <EditorPanel
      title={d.id ? t('admin.user.edit', { name: initial.name }) : t('admin.user.new')}
      saving={saving} formError={formError} onSubmit={() => onSave(d)} onCancel={onCancel}
    >
      <Field label={t('admin.user.name')} error={errorFor(errors, 'name')}>
        {(p) => <input {...p} value={d.name} required maxLength={200} autocomplete="off" onInput={(e) => set({ name: e.currentTarget.value })} />}
      </Field>
      <Field label={t('admin.user.email')} error={errorFor(errors, 'email')}>
        {(p) => <input {...p} type="email" dir="ltr" value={d.email} required autocomplete="off" onInput={(e) => set({ email: e.currentTarget.value })} />}
      </Field>
      <Field label={t('admin.user.role')} error={errorFor(errors, 'role')} hint={t(`admin.user.roleHint.${d.role}`)}>
        {(p) => (
          <select {...p} value={d.role} onChange={(e) => set({ role: e.currentTarget.value as Role })}>
            {ROLES.map((r) => <option key={r} value={r}>{t(`admin.user.role.${r}`)}</option>)}
          </select>
        )}
      </Field>
      <Field label={t('admin.user.site')} error={errorFor(errors, 'siteId')} hint={d.role === 'staff' ? t('admin.user.siteNeeded') : t('admin.user.siteOptional')}>
        {(p) => (
          <select {...p} value={d.siteId} required={d.role === 'staff'} onChange={(e) => set({ siteId: e.currentTarget.value })}>
            <option value="">{t('admin.user.noSite')}</option>
            {sites.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
          </select>
        )}
      </Field>
      <Field label={t('admin.user.phone')} error={errorFor(errors, 'phone')}>
        {(p) => <input {...p} type="tel" dir="ltr" value={d.phone} autocomplete="off" onInput={(e) => set({ phone: e.currentTarget.value })} />}
      </Field>
      <Field label={t('admin.user.language')} error={errorFor(errors, 'language')} hint={t('admin.user.languageHint')}>
        {(p) => (
          <select {...p} value={d.language} onChange={(e) => set({ language: e.currentTarget.value })}>
            <option value="">{t('admin.user.noLanguage')}</option>
            {LOCALES.map((l) => <option key={l} value={l} lang={l}>{LOCALE_NAMES[l]}</option>)}
          </select>
        )}
      </Field>
      <Field label={t('admin.user.capacity')} error={errorFor(errors, 'capacity')} hint={t('admin.user.capacityHint')}>
        {(p) => <input {...p} type="number" min={0} max={1000} step={1} value={d.capacity} onInput={(e) => set({ capacity: e.currentTarget.value })} />}
      </Field>
      <Field label={d.id ? t('admin.user.newPassword') : t('admin.user.password')} error={errorFor(errors, 'password')} hint={d.id ? t('admin.user.newPasswordHint') : t('admin.user.passwordHint')}>
        {(p) => <input {...p} type="password" autocomplete="new-password" value={d.password} required={!d.id} onInput={(e) => set({ password: e.currentTarget.value })} />}
      </Field>
      <CheckField label={t('admin.user.available')} hint={t('admin.user.availableHint')} checked={d.available} onChange={(available) => set({ available })} />
      <CheckField label={t('admin.user.disabled')} hint={t('admin.user.disabledHint')} checked={d.disabled} onChange={(disabled) => set({ disabled })} />
    </EditorPanel>
  );
}
