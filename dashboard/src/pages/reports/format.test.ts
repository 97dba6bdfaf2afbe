import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../i18n/translator.ts';
import { minutes, percent, shade } from './format.ts';

describe('report formats', () => {
  it('shows minutes as a duration, percents in the language, a dash for nothing', () => {
    const en = createTranslator('en');
    expect(minutes(en, 130)).toBe(en.duration(130 * 60_000));
    expect(minutes(en, null)).toBe('—');
    expect(percent(en, 66.7)).toBe('66.7%');
    expect(percent(createTranslator('fa'), 50)).toMatch(/^۵۰/);
  });

  it('shades heatmap cells by their share of the busiest one', () => {
    expect([0, 1, 2, 5, 10].map((n) => shade(n, 10))).toEqual([0, 1, 1, 3, 5]);
    expect(shade(0, 0)).toBe(0);
  });
});
