/**
 * Messages and formats for one language: ICU messages through @formatjs/intl (plurals by the
 * language's own rules), dates in a given time zone and durations through Intl. Persian gets
 * Persian digits and the Solar Hijri calendar from its Intl locale (locales.ts).
 */
import { createIntl, createIntlCache } from '@formatjs/intl';
import { CATALOGUES, ENGLISH, type Catalogue, type MessageKey } from './catalogues.ts';
import { directionOf, INTL_LOCALE, type Locale } from './locales.ts';

export type Values = Record<string, string | number>;
const cache = createIntlCache();
const UNITS = [['day', 86_400], ['hour', 3_600], ['minute', 60], ['second', 1]] as const;

export function createTranslator(locale: Locale, catalogue: Catalogue = CATALOGUES[locale]) {
  const tag = INTL_LOCALE[locale];
  // A key the catalogue lacks falls back to English (issue 8); the catalogue test keeps that rare.
  const messages = { ...ENGLISH, ...catalogue };
  const intl = createIntl({ locale: tag, defaultLocale: 'en', messages, onError: () => {} }, cache);
  const dateFormats = new Map<string, Intl.DateTimeFormat>();
  const units = new Map<string, Intl.NumberFormat>();
  const list = new Intl.ListFormat(tag, { type: 'unit', style: 'narrow' });
  const relative = new Intl.RelativeTimeFormat(tag, { numeric: 'auto', style: 'long' });

  const dateFormat = (timeZone: string | undefined, style: 'dateTime' | 'time' | 'date') => {
    const key = `${timeZone ?? ''}|${style}`;
    let f = dateFormats.get(key);
    if (!f) {
      const options: Intl.DateTimeFormatOptions = style === 'time' ? { timeStyle: 'short' } : style === 'date' ? { dateStyle: 'medium' } : { dateStyle: 'medium', timeStyle: 'short' };
      f = new Intl.DateTimeFormat(tag, { ...options, ...(timeZone && { timeZone }) });
      dateFormats.set(key, f);
    }
    return f;
  };
  const unit = (name: string, n: number) => {
    let f = units.get(name);
    if (!f) units.set(name, (f = new Intl.NumberFormat(tag, { style: 'unit', unit: name, unitDisplay: 'short' })));
    return f.format(n);
  };

  return {
    locale,
    dir: directionOf(locale),
    t: (key: MessageKey, values?: Values): string => intl.formatMessage({ id: key }, values) as string,
    number: (n: number, options?: Intl.NumberFormatOptions) => new Intl.NumberFormat(tag, options).format(n),
    /** An instant in a site's time zone (the browser's when none is given). */
    dateTime: (iso: string | number, timeZone?: string) => dateFormat(timeZone, 'dateTime').format(new Date(iso)),
    time: (iso: string | number, timeZone?: string) => dateFormat(timeZone, 'time').format(new Date(iso)),
    date: (iso: string | number, timeZone?: string) => dateFormat(timeZone, 'date').format(new Date(iso)),
    /** `2 h 5 min`, `12 min`, `4 min 10 s`: two units at most, seconds only in the last ten minutes. */
    duration(ms: number): string {
      const total = Math.floor(Math.abs(ms) / 1000);
      const [d, h, m, s] = [Math.floor(total / 86_400), Math.floor((total % 86_400) / 3_600), Math.floor((total % 3_600) / 60), total % 60];
      const parts: [string, number][] = d ? [['day', d], ['hour', h]] : h ? [['hour', h], ['minute', m]] : m >= 10 ? [['minute', m]] : m ? [['minute', m], ['second', s]] : [['second', s]];
      return list.format(parts.filter(([, n], i) => i === 0 || n > 0).map(([name, n]) => unit(name, n)));
    },
    /** `5 minutes ago`, `in 2 hours`. */
    ago(iso: string | number, now: number): string {
      const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
      for (const [name, size] of UNITS) {
        if (Math.abs(seconds) >= size || name === 'second') return relative.format(Math.trunc(seconds / size), name);
      }
      return relative.format(0, 'second');
    },
  };
}

export type Translator = ReturnType<typeof createTranslator>;
