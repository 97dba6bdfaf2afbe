/**
 * The language an HTTP caller asks for (issue 8), for the site pages' answers (virtual button,
 * status board): `?lang=`, else the app's `dash_lang` cookie (the language picker's choice),
 * else the signed-in person's own, else the site's, else `Accept-Language`, else English.
 * The same order as the app's (user, then site, then browser): the app keeps the cookie in
 * step with the person's saved language, so what the page shows and what the server names
 * agree. Unknown languages are skipped, never refused.
 */
import type { Context } from 'hono';
import { detectFromCookie, detectFromHeader, detectFromQuery, type DetectorOptions } from 'hono/language';
import { DEFAULT_LOCALE, LOCALES, type Locale, pickLocale } from './locales.ts';

/** Set by the app (dashboard/src/i18n/i18n.tsx); readable by scripts, so not HttpOnly. */
export const LANGUAGE_COOKIE = 'dash_lang';

const OPTIONS: DetectorOptions = {
  order: ['querystring', 'cookie', 'header'], lookupQueryString: 'lang', lookupCookie: LANGUAGE_COOKIE,
  lookupFromHeaderKey: 'accept-language', lookupFromPathIndex: 0, caches: false, ignoreCase: true,
  fallbackLanguage: DEFAULT_LOCALE, supportedLanguages: [...LOCALES],
};

export function requestedLocale(c: Context, known: { user?: string | null; site?: string | null } = {}): Locale {
  return pickLocale([detectFromQuery(c, OPTIONS), detectFromCookie(c, OPTIONS), known.user, known.site, detectFromHeader(c, OPTIONS)]);
}
