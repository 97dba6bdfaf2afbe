/**
 * The language of the page: the person's own choice, else the site's language on the site
 * pages, else the browser's; `lang` and `dir` on <html> follow it. The choice is kept in this
 * browser (localStorage, and the `dash_lang` cookie so the server names categories in it too:
 * server/src/i18n/request-locale.ts); a signed-in person's saved language replaces it at login
 * (session.tsx), and the picker saves it for them.
 */
import { createContext, type ComponentChildren } from 'preact';
import { useCallback, useContext, useLayoutEffect, useMemo, useState } from 'preact/hooks';
import { asLocale, pickLocale, type Locale } from './locales.ts';
import { createTranslator, type Translator } from './translator.ts';

const STORAGE_KEY = 'dash.locale';
/** Read by the server (server/src/i18n/request-locale.ts LANGUAGE_COOKIE). */
const COOKIE = 'dash_lang';
const YEAR_S = 365 * 24 * 3600;

function keepCookie(locale: Locale | null) {
  document.cookie = locale ? `${COOKIE}=${locale}; path=/; max-age=${YEAR_S}; samesite=lax` : `${COOKIE}=; path=/; max-age=0; samesite=lax`;
}

export type I18n = Translator & {
  /** The person's choice; null forgets it. */
  choose(locale: Locale | null): void;
  setSiteLanguage(tag: string | null): void;
};

const I18nContext = createContext<I18n | null>(null);

function stored(): Locale | null {
  try {
    return asLocale(localStorage.getItem(STORAGE_KEY));
  } catch {
    return null; // storage blocked: the browser's language still applies
  }
}

export function I18nProvider({ children }: { children: ComponentChildren }) {
  const [chosen, setChosen] = useState<Locale | null>(stored);
  const [siteLanguage, setSiteLanguage] = useState<string | null>(null);
  const locale = pickLocale([chosen, siteLanguage, ...navigator.languages]);
  // Stable, so the session can call it from its effects without re-running them.
  const choose = useCallback((next: Locale | null) => {
    try {
      if (next) localStorage.setItem(STORAGE_KEY, next);
      else localStorage.removeItem(STORAGE_KEY);
    } catch {
      // not kept, but applied for this visit
    }
    setChosen(next);
  }, []);
  const value = useMemo<I18n>(() => ({ ...createTranslator(locale), choose, setSiteLanguage }), [locale, choose]);

  useLayoutEffect(() => keepCookie(chosen), [chosen]);
  useLayoutEffect(() => {
    document.documentElement.lang = locale;
    document.documentElement.dir = value.dir;
  }, [locale, value.dir]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n outside I18nProvider');
  return i18n;
}

/** On a page about one site (virtual button, status board): the site's language applies unless the person chose one. */
export function useSiteLanguage(tag: string | null | undefined) {
  const { setSiteLanguage } = useI18n();
  useLayoutEffect(() => {
    setSiteLanguage(tag ?? null);
    return () => setSiteLanguage(null);
  }, [tag, setSiteLanguage]);
}
