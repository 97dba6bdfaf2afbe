/** The reports made from this phone, each with its live status and, once resolved, "still broken" and a rating. */
import { useState } from 'preact/hooks';
import type { ApiError } from '../../api/http.ts';
import type { Ticket } from '../../api/schemas.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useAnnounce } from '../../ui/announcer.tsx';
import { errorText } from '../../ui/states.tsx';
import type { Report } from './phone-store.ts';
import { reportState, stepOf, STEPS } from './report-state.ts';

type Props = { reports: Report[]; tickets: ReadonlyMap<string, Ticket>; timeZone: string; onStillBroken(r: Report): void; onRate(r: Report, rating: number): Promise<void> };

export function ReportList({ reports, tickets, timeZone, onStillBroken, onRate }: Props) {
  const i18n = useI18n();
  const { t } = i18n;
  if (reports.length === 0) return <p class="muted">{t('button.noReports')}</p>;
  return (
    <ol class="reports">
      {reports.map((r) => {
        const state = reportState(r, r.ticketNumber ? tickets.get(r.ticketNumber) : undefined);
        const step = stepOf(state);
        return (
          <li key={r.pressId} class={`report report-${state}`} data-press={r.pressId}>
            <p class="report-head">
              <strong><bdi>{r.category}</bdi></strong>
              <span class="muted">{t('report.pressedAt', { time: i18n.dateTime(r.pressedAt, timeZone) })}</span>
              {r.ticketNumber && <span class="muted">{t('report.ticket', { number: r.ticketNumber })}</span>}
            </p>
            {step >= 0 ? (
              <ol class="steps" aria-label={t('report.progress')}>
                {STEPS.map((s, i) => (
                  <li key={s} class={i < step ? 'step done' : i === step ? 'step current' : 'step'} aria-current={i === step ? 'step' : undefined}>
                    {t(`report.step.${s}`)}
                  </li>
                ))}
              </ol>
            ) : null}
            <p class="report-state" role="status">{state === 'failed' ? t('report.failed', { message: r.error ?? '' }) : t(`report.${state}`)}</p>
            {(state === 'resolved' || state === 'closed') && (
              <Resolved report={r} canReopen={state === 'resolved'} onStillBroken={onStillBroken} onRate={onRate} />
            )}
          </li>
        );
      })}
    </ol>
  );
}

function Resolved({ report, canReopen, onStillBroken, onRate }: { report: Report; canReopen: boolean; onStillBroken(r: Report): void; onRate(r: Report, n: number): Promise<void> }) {
  const { t } = useI18n();
  const announce = useAnnounce();
  const [rating, setRating] = useState(0);
  const [busy, setBusy] = useState(false);
  const name = `rating-${report.pressId}`;
  return (
    <div class="resolved">
      {canReopen && <button type="button" class="big" onClick={() => onStillBroken(report)}>{t('report.stillBroken')}</button>}
      {report.rating ? <p class="muted">{t('report.thanks')}</p> : <form onSubmit={(e) => {
        e.preventDefault();
        setBusy(true);
        onRate(report, rating).then(() => announce(t('report.thanks'), 'quiet'), (err: ApiError) => announce(errorText(t, err), 'error')).finally(() => setBusy(false));
      }}>
        <fieldset class="rating">
          <legend>{t('report.rate')}</legend>
          {[1, 2, 3, 4, 5].map((n) => (
            <label key={n} class={n <= rating ? 'star on' : 'star'}>
              <input type="radio" name={name} value={n} checked={rating === n} onChange={() => setRating(n)} />
              <span aria-hidden="true">★</span>
              <span class="visually-hidden">{t('report.stars', { count: n })}</span>
            </label>
          ))}
        </fieldset>
        <button type="submit" class="primary" disabled={rating === 0 || busy}>{t('report.sendRating')}</button>
      </form>}
    </div>
  );
}
