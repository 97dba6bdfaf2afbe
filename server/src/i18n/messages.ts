/**
 * The server's own words (notifications) in en, pl, tr and fa: ICU messages through
 * @formatjs/intl, as in the web app, with English filling any key a catalogue lacks
 * (`catalogues.test.ts` fails on a missing key or placeholder). Times are written on the
 * site's wall clock with the language's formats; Persian gets Persian digits and the Solar
 * Hijri calendar from its Intl locale.
 */
import { createIntl, createIntlCache, type IntlShape } from '@formatjs/intl';
import en from './catalogues/en.json' with { type: 'json' };
import fa from './catalogues/fa.json' with { type: 'json' };
import pl from './catalogues/pl.json' with { type: 'json' };
import tr from './catalogues/tr.json' with { type: 'json' };
import { INTL_LOCALE, type Locale } from './locales.ts';

export type ServerMessageKey = keyof typeof en;
export type ServerCatalogue = Partial<Record<ServerMessageKey, string>>;
export const SERVER_ENGLISH: Record<ServerMessageKey, string> = en;
export const SERVER_CATALOGUES: Record<Locale, ServerCatalogue> = { en, pl, tr, fa };

/** English e-mails keep the day-month order and 24-hour clock of an IT desk, not US style. */
const TAGS: Record<Locale, string> = { ...INTL_LOCALE, en: 'en-GB' };
const TIME: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };

export type Values = Record<string, string | number>;
export type ServerTranslator = {
  locale: Locale;
  t(key: ServerMessageKey, values?: Values): string;
  /** `Fri, 6 Mar 2026, 16:30 (Europe/Warsaw)`: the zone's wall clock, the zone named. */
  time(iso: string, zone: string): string;
  percent(share: number): string;
};

const cache = createIntlCache();
const made = new Map<Locale, ServerTranslator>();

function make(locale: Locale, catalogue: ServerCatalogue): ServerTranslator {
  const intl: IntlShape = createIntl({ locale: TAGS[locale], defaultLocale: 'en', messages: { ...SERVER_ENGLISH, ...catalogue }, onError: () => {} }, cache);
  return {
    locale,
    t: (key, values) => intl.formatMessage({ id: key }, values) as string,
    time(iso, zone) {
      const at = new Date(iso);
      if (Number.isNaN(at.getTime())) return iso;
      return `${intl.formatDate(at, { ...TIME, timeZone: zone })} (${zone})`;
    },
    percent: (share) => intl.formatNumber(share, { style: 'percent', maximumFractionDigits: 0 }),
  };
}

/** One translator per language, built once; `catalogue` replaces the stored one (tests). */
export function serverTranslator(locale: Locale, catalogue?: ServerCatalogue): ServerTranslator {
  if (catalogue) return make(locale, catalogue);
  let t = made.get(locale);
  if (!t) made.set(locale, (t = make(locale, SERVER_CATALOGUES[locale])));
  return t;
}
