/** Both SLA clocks of one ticket: due time in the site's zone, and met, breached or the time left. */
import type { SlaExplanation, Ticket } from '../../api/schemas.ts';
import type { ReminderMarks } from '../../domain/urgency.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useNow } from '../../ui/use-now.ts';

type ClockProps = { label: string; dueAt: string | null; stoppedAt: string | null; breached: boolean; remindAt: number | undefined; timeZone: string | undefined };

function ClockLine({ label, dueAt, stoppedAt, breached, remindAt, timeZone }: ClockProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const now = useNow();
  if (!dueAt) return null;
  const due = Date.parse(dueAt);
  const late = breached || (stoppedAt ? Date.parse(stoppedAt) > due : now >= due);
  const phase = late ? 'breach' : !stoppedAt && remindAt !== undefined && now >= remindAt ? 'warn' : 'ok';
  const state = stoppedAt ? (late ? t('sla.breach') : t('sla.met'))
    : now < due ? t('sla.left', { time: i18n.duration(due - now) }) : t('sla.overdue', { time: i18n.duration(now - due) });
  return (
    <div class={`sla-clock sla-${phase}`}>
      <dt>{label}</dt>
      <dd><strong>{state}</strong><br /><span class="muted">{t('sla.dueAt', { clock: label, time: i18n.dateTime(dueAt, timeZone) })}</span></dd>
    </div>
  );
}

export function SlaClocks({ ticket, marks, explanation, timeZone }: { ticket: Ticket; marks: ReminderMarks; explanation: SlaExplanation | null; timeZone: string | undefined }) {
  const { t } = useI18n();
  if (!ticket.responseDueAt && !ticket.resolutionDueAt && !explanation?.policy) return <p class="muted">{t('ticket.slaNone')}</p>;
  return (
    <>
      <dl class="facts">
        <ClockLine label={t('sla.response')} dueAt={ticket.responseDueAt} stoppedAt={ticket.acknowledgedAt} breached={ticket.responseBreached} remindAt={marks.response} timeZone={timeZone} />
        <ClockLine label={t('sla.resolution')} dueAt={ticket.resolutionDueAt} stoppedAt={ticket.resolvedAt} breached={ticket.resolutionBreached} remindAt={marks.resolution} timeZone={timeZone} />
        {ticket.status === 'pending' && <div><dt>{t('status.pending')}</dt><dd>{t('sla.paused')}</dd></div>}
        {explanation?.policy && <div><dt>{t('ticket.slaPolicy')}</dt><dd><bdi>{explanation.policy.name}</bdi></dd></div>}
        {explanation?.calendar && <div><dt>{t('ticket.slaCalendar')}</dt><dd><bdi>{explanation.calendar.name}</bdi>{explanation.calendar.name.includes(explanation.calendar.timezone) ? '' : ` (${explanation.calendar.timezone})`}</dd></div>}
      </dl>
      {explanation && explanation.skipped.length > 0 && (
        <details>
          <summary>{t('ticket.slaSkipped')}</summary>
          <ul>{explanation.skipped.map((s) => <li key={s.name}><bdi>{s.name}</bdi>: <span lang="en">{s.reasons.join('; ')}</span></li>)}</ul>
        </details>
      )}
    </>
  );
}
