/** Create or change a site: code, name, time zone, tier, calendar, language, contacts. */
import { useState } from 'preact/hooks';
import type { AdminSite, Calendar } from '../../../api/admin.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { LOCALE_NAMES, LOCALES } from '../../../i18n/locales.ts';
import { timeZones } from '../time-zones.ts';
import { EditorPanel, errorFor, Field, type FieldErrors } from '../ui/index.ts';
import { StatusLink } from './status-link.tsx';

type Contact = { name: string; email: string; phone: string };
export type SiteDraft = {
  id?: string; code: string; name: string; timezone: string; tier: string; calendarId: string; language: string; contacts: Contact[];
};

/** The browser's own zone when the list offers it (a new site is most often where its admin is), else UTC. */
function browserZone(): string {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return zone && timeZones().includes(zone) ? zone : 'UTC';
}

export const newSite = (): SiteDraft => ({
  code: '', name: '', timezone: browserZone(), tier: 'standard', calendarId: '', language: '', contacts: [],
});

export const siteDraft = (s: AdminSite): SiteDraft => ({
  id: s.id, code: s.code, name: s.name, timezone: s.timezone, tier: s.tier, calendarId: s.calendarId ?? '', language: s.language ?? '',
  contacts: s.contacts.map((c) => ({ name: c.name ?? '', email: c.email ?? '', phone: c.phone ?? '' })),
});

/** The body the API takes: empty contact fields left out, rows with nothing in them dropped. */
export function siteBody(d: SiteDraft) {
  return {
    code: d.code.trim(), name: d.name, timezone: d.timezone, tier: d.tier.trim(), calendarId: d.calendarId || null, language: d.language || null,
    contacts: d.contacts
      .map((c) => Object.fromEntries(Object.entries(c).map(([k, v]) => [k, v.trim()]).filter(([, v]) => v)))
      .filter((c) => Object.keys(c).length > 0),
  };
}

export function SiteForm({ draft: initial, calendars, tiers, errors, saving, formError, onSave, onCancel }: {
  draft: SiteDraft; calendars: Calendar[]; tiers: string[]; errors: FieldErrors; saving: boolean; formError: string | null;
  onSave: (d: SiteDraft) => void; onCancel: () => void;
}) {
  const { t } = useI18n();
  const [d, setD] = useState(initial);
  const set = (patch: Partial<SiteDraft>) => setD((cur) => ({ ...cur, ...patch }));
  const setContact = (i: number, patch: Partial<Contact>) => set({ contacts: d.contacts.map((c, j) => (j === i ? { ...c, ...patch } : c)) });
  return (
    <EditorPanel
      title={d.id ? t('admin.site.edit', { name: initial.name }) : t('admin.site.new')}
      saving={saving} formError={formError} onSubmit={() => onSave(d)} onCancel={onCancel}
    >
      <Field label={t('admin.site.code')} error={errorFor(errors, 'code')} hint={t('admin.site.codeHint')}>
        {(p) => <input {...p} value={d.code} required pattern="[a-z0-9\-]{2,32}" autocomplete="off" spellcheck={false} dir="ltr" onInput={(e) => set({ code: e.currentTarget.value })} />}
      </Field>
      <Field label={t('admin.site.name')} error={errorFor(errors, 'name')}>
        {(p) => <input {...p} value={d.name} required maxLength={200} onInput={(e) => set({ name: e.currentTarget.value })} />}
      </Field>
      <Field label={t('admin.site.timezone')} error={errorFor(errors, 'timezone')}>
        {(p) => (
          <select {...p} value={d.timezone} onChange={(e) => set({ timezone: e.currentTarget.value })}>
            {timeZones(d.timezone).map((z) => <option key={z} value={z}>{z}</option>)}
          </select>
        )}
      </Field>
      <Field label={t('admin.site.tier')} error={errorFor(errors, 'tier')} hint={t('admin.site.tierHint')}>
        {(p) => (
          <>
            <input {...p} value={d.tier} list={`${p.id}-tiers`} maxLength={40} onInput={(e) => set({ tier: e.currentTarget.value })} />
            <datalist id={`${p.id}-tiers`}>{tiers.map((x) => <option key={x} value={x} />)}</datalist>
          </>
        )}
      </Field>
      <Field label={t('admin.site.calendar')} error={errorFor(errors, 'calendarId')} hint={t('admin.site.calendarHint')}>
        {(p) => (
          <select {...p} value={d.calendarId} onChange={(e) => set({ calendarId: e.currentTarget.value })}>
            <option value="">{t('admin.site.noCalendar')}</option>
            {calendars.map((c) => <option key={c.id} value={c.id}>{c.name} ({c.timezone})</option>)}
          </select>
        )}
      </Field>
      <Field label={t('admin.site.language')} error={errorFor(errors, 'language')} hint={t('admin.site.languageHint')}>
        {(p) => (
          <select {...p} value={d.language} onChange={(e) => set({ language: e.currentTarget.value })}>
            <option value="">{t('admin.site.noLanguage')}</option>
            {LOCALES.map((l) => <option key={l} value={l} lang={l}>{LOCALE_NAMES[l]}</option>)}
          </select>
        )}
      </Field>
      <fieldset class="field-wide rows-fieldset">
        <legend>{t('admin.site.contacts')}</legend>
        {errorFor(errors, 'contacts') && <p class="field-error">{errorFor(errors, 'contacts')}</p>}
        {d.contacts.length === 0 && <p class="muted">{t('admin.site.noContacts')}</p>}
        <ol class="edit-rows">
          {d.contacts.map((c, i) => (
            <li key={i} class="edit-row">
              <Field label={t('admin.site.contactName')} error={errorFor(errors, `contacts.${i}.name`)}>
                {(p) => <input {...p} value={c.name} maxLength={200} onInput={(e) => setContact(i, { name: e.currentTarget.value })} />}
              </Field>
              <Field label={t('admin.site.contactEmail')} error={errorFor(errors, `contacts.${i}.email`)}>
                {(p) => <input {...p} type="email" dir="ltr" value={c.email} onInput={(e) => setContact(i, { email: e.currentTarget.value })} />}
              </Field>
              <Field label={t('admin.site.contactPhone')} error={errorFor(errors, `contacts.${i}.phone`)}>
                {(p) => <input {...p} type="tel" dir="ltr" value={c.phone} maxLength={40} onInput={(e) => setContact(i, { phone: e.currentTarget.value })} />}
              </Field>
              <button type="button" class="link-button" onClick={() => set({ contacts: d.contacts.filter((_, j) => j !== i) })}>
                {t('admin.site.removeContact', { n: i + 1 })}
              </button>
            </li>
          ))}
        </ol>
        <button type="button" onClick={() => set({ contacts: [...d.contacts, { name: '', email: '', phone: '' }] })}>{t('admin.site.addContact')}</button>
      </fieldset>
      {d.id && <StatusLink siteId={d.id} />}
    </EditorPanel>
  );
}
