/** Issue 8: every catalogue has every key, each message parses, and none loses a placeholder. */
import { placeholders, selectCases } from '../../../server/src/i18n/icu-shape.ts';
import { describe, expect, it } from 'vitest';
import { CATALOGUES, ENGLISH } from './catalogues.ts';
import { LOCALES } from './locales.ts';
import { createTranslator } from './translator.ts';

describe.each(LOCALES)('the %s catalogue', (locale) => {
  const catalogue = CATALOGUES[locale];

  it('has every key of the English one, and no other', () => {
    expect(Object.keys(catalogue).filter((k) => !(k in ENGLISH))).toEqual([]);
    expect(Object.keys(ENGLISH).filter((k) => !(k in catalogue))).toEqual([]);
  });

  it('has messages that parse and keep the placeholders and select cases of English', () => {
    for (const [key, message] of Object.entries(catalogue)) {
      const english = ENGLISH[key as keyof typeof ENGLISH];
      expect([key, placeholders(message as string)]).toEqual([key, placeholders(english)]);
      expect([key, selectCases(message as string)]).toEqual([key, selectCases(english)]);
    }
  });
});

describe('translator', () => {
  it('falls back to English for a key the catalogue lacks', () => {
    const t = createTranslator('pl', { 'board.empty': 'Brak otwartych zgłoszeń.' });
    expect(t.t('board.empty')).toBe('Brak otwartych zgłoszeń.');
    expect(t.t('login.submit')).toBe('Log in');
  });

  it('uses each language\'s plural rules', () => {
    const pl = createTranslator('pl');
    expect([1, 2, 5, 22, 25].map((count) => pl.t('board.count', { count }))).toEqual([
      '1 otwarte zgłoszenie', '2 otwarte zgłoszenia', '5 otwartych zgłoszeń', '22 otwarte zgłoszenia', '25 otwartych zgłoszeń',
    ]);
    expect(createTranslator('en').t('board.count', { count: 1 })).toBe('1 open ticket');
  });

  it('writes Persian with Persian digits and the Solar Hijri calendar', () => {
    const fa = createTranslator('fa');
    expect(fa.t('board.count', { count: 12 })).toBe('۱۲ تیکت باز');
    // 2026-03-21 is 1 Farvardin 1405, the Persian new year.
    expect(fa.date('2026-03-21T12:00:00Z', 'Asia/Tehran')).toMatch(/۱۴۰۵/);
    expect(fa.dir).toBe('rtl');
  });

  it('formats dates in the site\'s time zone', () => {
    expect(createTranslator('en').time('2026-11-23T09:00:00Z', 'Europe/Warsaw')).toBe('10:00 AM');
    expect(createTranslator('pl').time('2026-11-23T09:00:00Z', 'Europe/Warsaw')).toBe('10:00');
  });

  it('writes countdowns with two units at most', () => {
    const en = createTranslator('en');
    expect(en.duration(2 * 3_600_000 + 5 * 60_000 + 30_000)).toBe('2 hr 5 min');
    expect(en.duration(4 * 60_000 + 10_000)).toBe('4 min 10 sec');
    expect(en.duration(3 * 3_600_000)).toBe('3 hr');
  });
});
