import { describe, expect, it } from 'vitest';
import { directionOf, localized, pickLocale } from './locales.ts';

describe('pickLocale', () => {
  it('takes the first supported language, by its primary subtag', () => {
    expect(pickLocale([null, 'de-DE', 'pl-PL', 'en-US'])).toBe('pl');
    expect(pickLocale(['fa-IR'])).toBe('fa');
    expect(pickLocale(['TR'])).toBe('tr');
  });

  it('falls back to English when nothing fits', () => {
    expect(pickLocale([undefined, 'de', 'ja-JP'])).toBe('en');
    expect(pickLocale([])).toBe('en');
  });
});

describe('directionOf', () => {
  it('lays Persian out right to left and the others left to right', () => {
    expect(directionOf('fa')).toBe('rtl');
    expect(['en', 'pl', 'tr'].map((l) => directionOf(l as 'en'))).toEqual(['ltr', 'ltr', 'ltr']);
  });
});

describe('localized', () => {
  it('takes the language\'s own text, else the plain one', () => {
    expect(localized('Printer', { tr: 'Yazıcı', fa: ' ' }, 'tr')).toBe('Yazıcı');
    expect(localized('Printer', { tr: 'Yazıcı', fa: ' ' }, 'fa')).toBe('Printer');
    expect(localized(null, {}, 'pl')).toBe(null);
  });
});
