/** Issue 8: every server catalogue has every key, each message parses, and none loses a placeholder. */
import { describe, expect, it } from 'vitest';
import { placeholders, selectCases } from './icu-shape.ts';
import { LOCALES } from './locales.ts';
import { SERVER_CATALOGUES, SERVER_ENGLISH, type ServerMessageKey, serverTranslator } from './messages.ts';

describe.each(LOCALES)('the server\'s %s catalogue', (locale) => {
  const catalogue = SERVER_CATALOGUES[locale];

  it('has every key of the English one, and no other', () => {
    expect(Object.keys(catalogue).filter((k) => !(k in SERVER_ENGLISH))).toEqual([]);
    expect(Object.keys(SERVER_ENGLISH).filter((k) => !(k in catalogue))).toEqual([]);
  });

  it('has messages that parse and keep the placeholders and select cases of English', () => {
    for (const [key, message] of Object.entries(catalogue)) {
      const english = SERVER_ENGLISH[key as ServerMessageKey];
      expect([key, placeholders(message as string)]).toEqual([key, placeholders(english)]);
      expect([key, selectCases(message as string)]).toEqual([key, selectCases(english)]);
    }
  });
});

describe('server translator', () => {
  it('falls back to English for a key the catalogue lacks', () => {
    const t = serverTranslator('tr', { 'notify.nobody': 'henüz kimse' });
    expect(t.t('notify.nobody')).toBe('henüz kimse');
    expect(t.t('notify.field.site')).toBe('Site');
  });

  it('uses each language\'s plural rules', () => {
    const pl = serverTranslator('pl');
    expect([1, 3, 5, 22].map((count) => pl.t('notify.merged.subject', { ref: 'INC-1', count })))
      .toEqual(['INC-1 zgłoszone ponownie (1 naciśnięcie)', 'INC-1 zgłoszone ponownie (3 naciśnięcia)',
        'INC-1 zgłoszone ponownie (5 naciśnięć)', 'INC-1 zgłoszone ponownie (22 naciśnięcia)']);
  });

  it('writes times on the site\'s wall clock, Persian with Persian digits in the Solar Hijri calendar', () => {
    expect(serverTranslator('en').time('2026-03-06T15:30:00Z', 'Europe/Warsaw')).toBe('Fri, 6 Mar 2026, 16:30 (Europe/Warsaw)');
    expect(serverTranslator('tr').time('2026-03-06T15:30:00Z', 'Europe/Istanbul')).toBe('6 Mar 2026 Cum 18:30 (Europe/Istanbul)');
    // 2026-03-21 is 1 Farvardin 1405 (Nowruz); 12:00 UTC is 15:30 in Tehran.
    const fa = serverTranslator('fa').time('2026-03-21T12:00:00Z', 'Asia/Tehran');
    expect(fa).toContain('۱۴۰۵');
    expect(fa).toContain('فروردین');
    expect(fa).toContain('۱۵:۳۰');
    expect(serverTranslator('fa').percent(0.75)).toMatch(/۷۵/);
  });
});
