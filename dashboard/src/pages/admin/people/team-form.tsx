/** Create or change a team: name, e-mail, members (their capacities add up to the team's). */
import { useState } from 'preact/hooks';
import type { AdminUser } from '../../../api/admin.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { EditorPanel, errorFor, Field, MultiCheck, type FieldErrors } from '../ui/index.ts';

export type TeamDraft = { id?: string; name: string; email: string; memberIds: string[] };

export const teamBody = (d: TeamDraft) => ({ name: d.name, email: d.email.trim() || null });

export function TeamForm({ draft: initial, users, errors, saving, formError, onSave, onCancel }: {
  draft: TeamDraft; users: AdminUser[]; errors: FieldErrors; saving: boolean; formError: string | null; onSave: (d: TeamDraft) => void; onCancel: () => void;
}) {
  const { t } = useI18n();
  const [d, setD] = useState(initial);
  const set = (patch: Partial<TeamDraft>) => setD((cur) => ({ ...cur, ...patch }));
  const candidates = users.filter((u) => u.role !== 'staff' && (!u.disabled || d.memberIds.includes(u.id)));
  const capacity = users.filter((u) => d.memberIds.includes(u.id)).reduce((sum, u) => sum + u.capacity, 0);
  return (
    <EditorPanel
      title={d.id ? t('admin.team.edit', { name: initial.name }) : t('admin.team.new')}
      saving={saving} formError={formError} onSubmit={() => onSave(d)} onCancel={onCancel}
    >
      <Field label={t('admin.team.name')} error={errorFor(errors, 'name')}>
        {(p) => <input {...p} value={d.name} required maxLength={200} onInput={(e) => set({ name: e.currentTarget.value })} />}
      </Field>
      <Field label={t('admin.team.email')} error={errorFor(errors, 'email')} hint={t('admin.team.emailHint')}>
        {(p) => <input {...p} type="email" dir="ltr" value={d.email} onInput={(e) => set({ email: e.currentTarget.value })} />}
      </Field>
      <MultiCheck
        legend={t('admin.team.members')} hint={t('admin.team.capacityTotal', { count: capacity })}
        options={candidates.map((u) => ({ value: u.id, label: <><bdi>{u.name}</bdi> <span class="muted">({t('admin.user.capacityShort', { count: u.capacity })})</span></> }))}
        value={d.memberIds} onChange={(memberIds) => set({ memberIds })}
      />
      {errorFor(errors, 'userIds') && <p class="field-error">{errorFor(errors, 'userIds')}</p>}
    </EditorPanel>
  );
}
