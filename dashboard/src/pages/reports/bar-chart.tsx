/**
 * A bar chart drawn by Chart.js on a canvas. Chart.js injects no stylesheet and sizes the
 * canvas through the CSSOM, which the strict Content-Security-Policy allows (no inline style
 * attributes are written). The canvas is an image with a label; the table printed next to
 * every chart is its text equivalent. Right-to-left pages mirror the value axis.
 */
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';
import { useEffect, useRef } from 'preact/hooks';
import { useI18n } from '../../i18n/i18n.tsx';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend);

export type Series = { label: string; values: number[]; tone: 'accent' | 'muted' | 'ok' | 'breach' | 'warn' };
type Props = { labels: string[]; series: Series[]; label: string; horizontal?: boolean; stacked?: boolean; unit?: (n: number) => string };

const TONES: Record<Series['tone'], string> = { accent: '--accent', muted: '--border', ok: '--ok-line', breach: '--breach-line', warn: '--warn-line' };

export function BarChart({ labels, series, label, horizontal = false, stacked = false, unit }: Props) {
  const { locale, dir } = useI18n();
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const el = canvas.current;
    if (!el) return;
    const css = getComputedStyle(el);
    const color = (tone: Series['tone']) => css.getPropertyValue(TONES[tone]).trim() || '#1f4e8c';
    const rtl = dir === 'rtl';
    const valueAxis = { beginAtZero: true, stacked, reverse: rtl && horizontal, ticks: { precision: 0, ...(unit && { callback: (v: number | string) => unit(Number(v)) }) } };
    const labelAxis = { stacked, reverse: rtl && !horizontal, position: horizontal ? (rtl ? 'right' : 'left') : 'bottom' } as const;
    const chart = new Chart(el, {
      type: 'bar',
      data: { labels, datasets: series.map((s) => ({ label: s.label, data: s.values, backgroundColor: color(s.tone), borderRadius: 3, maxBarThickness: 36 })) },
      options: {
        indexAxis: horizontal ? 'y' : 'x',
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        locale: locale === 'fa' ? 'fa-IR' : locale,
        scales: horizontal ? { x: valueAxis, y: labelAxis } : { x: labelAxis, y: valueAxis },
        plugins: {
          legend: { display: series.length > 1, rtl, position: 'bottom' },
          tooltip: { rtl, ...(unit && { callbacks: { label: (c) => `${c.dataset.label}: ${unit(Number(c.raw))}` } }) },
        },
      },
    });
    return () => chart.destroy();
  }, [JSON.stringify([labels, series]), locale, dir, horizontal, stacked]);
  const rows = horizontal ? Math.max(labels.length, 3) : 0;
  return (
    <div class={horizontal ? `chart-box chart-rows-${Math.min(rows, 12)}` : 'chart-box'}>
      <canvas ref={canvas} role="img" aria-label={label} />
    </div>
  );
}
