/**
 * The languages Dash speaks (issue 8) and how one is chosen: pure, shared by the server
 * (notifications, device labels, site pages' API) and the web app (dashboard/src/i18n).
 */
export const LOCALES = ['en', 'pl', 'tr', 'fa'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

/** Each language named in itself, for the switcher. */
export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', pl: 'Polski', tr: 'Türkçe', fa: 'فارسی' };

/** The Intl locale: Persian with the Solar Hijri calendar and Persian digits. */
export const INTL_LOCALE: Record<Locale, string> = { en: 'en', pl: 'pl-PL', tr: 'tr-TR', fa: 'fa-IR-u-ca-persian-nu-arabext' };

export const directionOf = (locale: Locale): 'ltr' | 'rtl' => (locale === 'fa' ? 'rtl' : 'ltr');

export function asLocale(tag: string | null | undefined): Locale | null {
  const primary = tag?.trim().toLowerCase().split(/[-_]/)[0];
  return (LOCALES as readonly string[]).includes(primary ?? '') ? (primary as Locale) : null;
}

/**
 * The first supported language among the candidates, most specific first: the person's own
 * choice, then the site's language, then the browser's languages; English when none fits.
 */
export function pickLocale(candidates: readonly (string | null | undefined)[]): Locale {
  for (const c of candidates) {
    const locale = asLocale(c);
    if (locale) return locale;
  }
  return DEFAULT_LOCALE;
}

/**
 * A per-language override (category `names`, `kbArticles`) for `locale`, else the plain
 * column. Blank overrides count as missing.
 */
export function localized<T extends string | null>(plain: T, overrides: Record<string, string> | null | undefined, locale: Locale): string | T {
  const own = overrides?.[locale]?.trim();
  return own ? own : plain;
}
