/** Create or change an SLA policy: order, calendar, conditions, targets per priority, reminders, escalation. */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { SOURCES, type AdminCategory, type AdminSite, type AdminUser, type Calendar } from '../../../api/admin.ts';
import { PRIORITIES, type Priority } from '../../../api/schemas.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { CheckField, EditorPanel, errorFor, Field, MultiCheck, type FieldErrors } from '../ui/index.ts';
import type { PolicyDraft } from './policy-draft.ts';

export type PolicyChoices = { calendars: Calendar[]; sites: AdminSite[]; categories: AdminCategory[]; users: AdminUser[] };

export function PolicyForm({ draft: initial, choices, errors, saving, formError, onSave, onCancel, preview }: {
  draft: PolicyDraft; choices: PolicyChoices; errors: FieldErrors; saving: boolean; formError: string | null;
  onSave: (d: PolicyDraft) => void; onCancel: () => void;
  /** The deadline this draft would give, shown under the targets. */
  preview?: (d: PolicyDraft) => ComponentChildren;
}) {
  const { t, duration } = useI18n();
  const [d, setD] = useState(initial);
  const set = (patch: Partial<PolicyDraft>) => setD((cur) => ({ ...cur, ...patch }));
  const setTarget = (p: Priority, field: 'responseMinutes' | 'resolutionMinutes', value: string) =>
    setD((cur) => ({ ...cur, targets: { ...cur.targets, [p]: { ...cur.targets[p], [field]: value } } }));
  const tiers = [...new Set([...choices.sites.map((s) => s.tier), ...d.tiers])];
  // 90 → "1 h 30 min": the minutes typed, read back as business time.
  const asTime = (value: string) => (Number(value) > 0 ? duration(Number(value) * 60_000) : undefined);
  return (
    <EditorPanel
      title={d.id ? t('admin.sla.edit', { name: initial.name }) : t('admin.sla.new')}
      saving={saving} formError={formError} onSubmit={() => onSave(d)} onCancel={onCancel}
    >
      <Field label={t('admin.sla.name')} error={errorFor(errors, 'name')}>
        {(p) => <input {...p} value={d.name} required maxLength={200} onInput={(e) => set({ name: e.currentTarget.value })} />}
      </Field>
      <Field label={t('admin.sla.order')} error={errorFor(errors, 'order')} hint={t('admin.sla.orderHint')}>
        {(p) => <input {...p} type="number" inputMode="numeric" min={0} step={1} value={d.order} onInput={(e) => set({ order: e.currentTarget.value })} />}
      </Field>
      <Field label={t('admin.sla.calendar')} error={errorFor(errors, 'calendarId')} hint={t('admin.sla.calendarHint')}>
        {(p) => (
          <select {...p} value={d.calendarId} onChange={(e) => set({ calendarId: e.currentTarget.value })}>
            <option value="">{t('admin.sla.siteCalendar')}</option>
            {choices.calendars.map((c) => <option key={c.id} value={c.id}>{c.name} ({c.timezone})</option>)}
          </select>
        )}
      </Field>
      <CheckField label={t('admin.sla.enabled')} checked={d.enabled} onChange={(enabled) => set({ enabled })} />

      <fieldset class="field-wide rows-fieldset">
        <legend>{t('admin.sla.conditions')}</legend>
        <p class="field-hint">{t('admin.sla.conditionsHint')}</p>
        {errorFor(errors, 'conditions') && <p class="field-error">{errorFor(errors, 'conditions')}</p>}
        <div class="conditions">
          <MultiCheck legend={t('admin.sla.tiers')} options={tiers.map((x) => ({ value: x, label: <bdi>{x}</bdi> }))} value={d.tiers} onChange={(v) => set({ tiers: v })} />
          <MultiCheck legend={t('admin.sla.sites')} options={choices.sites.map((s) => ({ value: s.id, label: <bdi>{s.name}</bdi> }))} value={d.siteIds} onChange={(v) => set({ siteIds: v })} />
          <MultiCheck legend={t('admin.sla.categories')} options={choices.categories.map((c) => ({ value: c.id, label: <bdi>{c.name}</bdi> }))} value={d.categoryIds} onChange={(v) => set({ categoryIds: v })} />
          <MultiCheck legend={t('admin.sla.priorities')} options={PRIORITIES.map((p) => ({ value: p, label: `${p} · ${t(`priority.${p}`)}` }))} value={d.priorities} onChange={(v) => set({ priorities: v })} />
          <MultiCheck legend={t('admin.sla.sources')} options={SOURCES.map((s) => ({ value: s, label: t(`admin.sla.source.${s}`) }))} value={d.sources} onChange={(v) => set({ sources: v })} />
        </div>
      </fieldset>

      <fieldset class="field-wide rows-fieldset">
        <legend>{t('admin.sla.targets')}</legend>
        <p class="field-hint">{t('admin.sla.targetsHint')}</p>
        <div class="table-scroll">
          <table class="data-table targets">
            <thead>
              <tr><th scope="col">{t('admin.sla.priority')}</th><th scope="col">{t('admin.sla.response')}</th><th scope="col">{t('admin.sla.resolution')}</th></tr>
            </thead>
            <tbody>
              {PRIORITIES.map((p) => (
                <tr key={p} data-priority={p}>
                  <th scope="row"><span class={`priority priority-${p}`}>{p}</span> {t(`priority.${p}`)}</th>
                  {(['responseMinutes', 'resolutionMinutes'] as const).map((field) => (
                    <td key={field}>
                      <Field label={<span class="visually-hidden">{t(field === 'responseMinutes' ? 'admin.sla.responseOf' : 'admin.sla.resolutionOf', { priority: p })}</span>} hint={asTime(d.targets[p][field])}
                        error={errorFor(errors, `targets.${p}.${field}`) ?? (field === 'resolutionMinutes' ? errorFor(errors, `targets.${p}`) : undefined)}
                      >
                        {(c) => (
                          <input
                            {...c} type="number" inputMode="decimal" min={0} step="any" class="minutes" value={d.targets[p][field]} name={`${p}-${field}`}
                            onInput={(e) => setTarget(p, field, e.currentTarget.value)}
                          />
                        )}
                      </Field>
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </fieldset>
      {preview && <div class="field-wide">{preview(d)}</div>}

      <Field label={t('admin.sla.reminders')} error={errorFor(errors, 'reminderPercents')} hint={t('admin.sla.remindersHint')}>
        {(p) => <input {...p} value={d.reminders} inputMode="numeric" dir="ltr" onInput={(e) => set({ reminders: e.currentTarget.value })} />}
      </Field>
      <Field label={t('admin.sla.repeat')} error={errorFor(errors, 'escalation.repeatMinutes')} hint={t('admin.sla.repeatHint')}>
        {(p) => <input {...p} type="number" min={5} step={1} value={d.repeatMinutes} onInput={(e) => set({ repeatMinutes: e.currentTarget.value })} />}
      </Field>
      <MultiCheck
        legend={t('admin.sla.escalateTo')} hint={t('admin.sla.escalateHint')}
        options={choices.users.filter((u) => u.role !== 'staff' && !u.disabled).map((u) => ({ value: u.id, label: <bdi>{u.name}</bdi> }))}
        value={d.escalationUserIds} onChange={(v) => set({ escalationUserIds: v })}
      />
      <Field wide label={t('admin.sla.escalateEmails')} error={errorFor(errors, 'escalation.emails')} hint={t('admin.sla.escalateEmailsHint')}>
        {(p) => <input {...p} type="text" dir="ltr" value={d.escalationEmails} onInput={(e) => set({ escalationEmails: e.currentTarget.value })} />}
      </Field>
    </EditorPanel>
  );
}
