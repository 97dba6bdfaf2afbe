/**
 * An SLA countdown: time left (or overdue) on the clock that runs out first, its due time in
 * the site's time zone, and the phase as colour, symbol and words (colour alone says nothing
 * to some people).
 */
import type { SlaState } from '../domain/urgency.ts';
import { useI18n } from '../i18n/i18n.tsx';

const SYMBOL = { ok: '◷', warn: '▲', breach: '■' } as const;

export function SlaBadge({ state, timeZone }: { state: SlaState; timeZone: string | undefined }) {
  const { t, duration, time, dateTime } = useI18n();
  if (state.kind === 'none') return <span class="sla sla-none">{t('sla.none')}</span>;
  if (state.kind === 'paused') return <span class="sla sla-paused">{t('sla.paused')}</span>;
  const left = state.remainingMs > 0;
  const clock = t(`sla.${state.clock}`);
  return (
    <span class={`sla sla-${state.phase}`}>
      <span class="sla-main">
        <span class="sla-symbol" aria-hidden="true">{SYMBOL[state.phase]}</span>
        <span class="sla-time" title={state.business ? t('sla.businessTime') : undefined}>{left ? t('sla.left', { time: duration(state.remainingMs) }) : t('sla.overdue', { time: duration(state.remainingMs) })}</span>
        {state.phase !== 'ok' && <span class="visually-hidden">, {t(state.phase === 'warn' ? 'sla.warn' : 'sla.breach')}</span>}
      </span>
      <span class="sla-due" title={dateTime(state.dueAt, timeZone)}>{t('sla.dueAt', { clock, time: time(state.dueAt, timeZone) })}</span>
      {state.resumesAt !== null && (
        <span class="sla-stopped" title={dateTime(state.resumesAt, timeZone)}>{t('sla.stoppedUntil', { time: dateTime(state.resumesAt, timeZone) })}</span>
      )}
    </span>
  );
}
