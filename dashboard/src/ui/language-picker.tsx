import { useI18n } from '../i18n/i18n.tsx';
import { LOCALE_NAMES, LOCALES, type Locale } from '../i18n/locales.ts';
import { useSession } from '../session/session.tsx';

/**
 * The language switcher: each language named in itself. The choice applies at once and is
 * kept in this browser and, for a signed-in person, in their profile (so it follows them to
 * another device and their e-mails are written in it). Saving may fail offline: the page
 * keeps the choice anyway, and the next login brings back the saved one.
 */
export function LanguagePicker() {
  const { t, locale, choose } = useI18n();
  const session = useSession();
  const pick = (next: Locale) => {
    choose(next);
    session.saveLanguage(next).catch(() => {});
  };
  return (
    <label class="language-picker">
      <span class="visually-hidden">{t('lang.label')}</span>
      <svg aria-hidden="true" class="language-icon" viewBox="0 0 24 24" width="18" height="18" fill="none" stroke="currentColor" stroke-width="1.8">
        <circle cx="12" cy="12" r="9" /><path d="M3 12h18M12 3c2.5 2.6 3.8 5.6 3.8 9s-1.3 6.4-3.8 9c-2.5-2.6-3.8-5.6-3.8-9S9.5 5.6 12 3z" />
      </svg>
      <select value={locale} onChange={(e) => pick(e.currentTarget.value as Locale)}>
        {LOCALES.map((l) => <option key={l} value={l} lang={l}>{LOCALE_NAMES[l]}</option>)}
      </select>
    </label>
  );
}
