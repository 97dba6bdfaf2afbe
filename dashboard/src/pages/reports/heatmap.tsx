/**
 * Presses by weekday and local hour as a table: every cell holds its number (the text
 * equivalent), and a class of six shades (no inline styles: the CSP forbids them).
 */
import { useI18n } from '../../i18n/i18n.tsx';
import { shade } from './format.ts';

// 2 March 2026 is a Monday: weekday names in the page's language.
const MONDAY = Date.UTC(2026, 2, 2);

export function Heatmap({ cells }: { cells: number[][] }) {
  const { t, number, locale } = useI18n();
  const max = Math.max(0, ...cells.flat());
  const tag = locale === 'fa' ? 'fa-IR' : locale;
  const weekday = new Intl.DateTimeFormat(tag, { weekday: 'short', timeZone: 'UTC' });
  const hours = Array.from({ length: 24 }, (_, h) => h);
  return (
    <div class="table-scroll heatmap-scroll">
      <table class="heatmap">
        <caption class="visually-hidden">{t('reports.heatmapCaption')}</caption>
        <thead>
          <tr>
            <td />
            {hours.map((h) => <th key={h} scope="col">{number(h)}</th>)}
          </tr>
        </thead>
        <tbody>
          {cells.map((row, d) => (
            <tr key={d}>
              <th scope="row">{weekday.format(new Date(MONDAY + d * 86_400_000))}</th>
              {row.map((n, h) => <td key={h} class={`heat-${shade(n, max)}`} data-day={d + 1} data-hour={h}>{n ? number(n) : ''}<span class="visually-hidden">{n ? '' : number(0)}</span></td>)}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
