/**
 * One ticket (design §9): what, where and how urgent; every step it allows; the timeline,
 * the presses, the device as it was, and why its SLA is what it is. Kept live.
 */
import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { api } from '../../api/client.ts';
import { listen } from '../../api/events.ts';
import type { ApiError } from '../../api/http.ts';
import type { SlaExplanation, Ticket, User } from '../../api/schemas.ts';
import { firstReminders, type ReminderMarks } from '../../domain/urgency.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { AppShell } from '../../ui/app-shell.tsx';
import { CommentForm } from '../../ui/comment-form.tsx';
import { ErrorState, Loading } from '../../ui/states.tsx';
import { useReference, type Reference } from '../board/use-reference.ts';
import { DeviceSnapshot } from './device-snapshot.tsx';
import { DeviceLabel } from './device-label.tsx';
import { SlaClocks } from './sla-clocks.tsx';
import { deviceNames, loadTicket, type TicketDetailNamed } from './ticket-detail.ts';
import { TicketPresses } from './ticket-presses.tsx';
import { TicketTimeline } from './ticket-timeline.tsx';
import { TicketWork } from './ticket-work.tsx';

export function TicketPage({ number, me }: { number: string; me: User }) {
  const { t } = useI18n();
  const { reference, error: referenceError } = useReference(true);
  const [detail, setDetail] = useState<TicketDetailNamed | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [explanation, setExplanation] = useState<SlaExplanation | null>(null);
  const [marks, setMarks] = useState<ReminderMarks>({});

  const load = useCallback(() => {
    loadTicket(number).then((d) => {
      setDetail(d);
      setError(null);
      api.slaExplanation(d.number).then(setExplanation, () => setExplanation(null));
      api.slaMarks([d.id]).then(({ items }) => setMarks(firstReminders(items[0]?.reminders ?? [], items[0]?.calendar)), () => {});
    }, setError);
  }, [number]);
  useEffect(load, [load]);
  useEffect(() => listen({ ticket: (c) => c.ticket.number === number && load(), resync: load }), [number, load]);
  useEffect(() => {
    document.title = `${number} · Dash`;
    return () => void (document.title = 'Dash');
  }, [number]);

  const failure = referenceError ?? error;
  return (
    <AppShell>
      <p class="back"><a href="/">{t('ticket.back')}</a></p>
      {failure ? (
        <>
          <h1>{t('ticket.title', { number })}</h1>
          <ErrorState error={failure} retry={load}>{failure.code === 'NOT_FOUND' ? t('ticket.notFound', { number }) : undefined}</ErrorState>
        </>
      ) : !detail || !reference ? <Loading /> : (
        <TicketView detail={detail} reference={reference} me={me} marks={marks} explanation={explanation}
          onChange={(x: Ticket) => setDetail({ ...detail, ...x })} reload={load} />
      )}
    </AppShell>
  );
}

type ViewProps = { detail: TicketDetailNamed; reference: Reference; me: User; marks: ReminderMarks; explanation: SlaExplanation | null; onChange(t: Ticket): void; reload(): void };

function TicketView({ detail, reference, me, marks, explanation, onChange, reload }: ViewProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const site = reference.sites.get(detail.siteId);
  const category = reference.categories.get(detail.categoryId);
  const tz = site?.timezone;
  const names = deviceNames(detail);
  const facts: [string, ComponentChildren][] = [
    [t('ticket.site'), site ? `${site.name} (${site.code})` : null],
    [t('ticket.category'), category?.name ?? null],
    [t('ticket.priority'), `${detail.priority} · ${t(`priority.${detail.priority}`)}`],
    [t('ticket.source'), t(`source.${detail.source}` as 'source.button')],
    [t('ticket.device'), detail.deviceId && <DeviceLabel id={detail.deviceId} names={names} />],
    [t('ticket.opened'), i18n.dateTime(detail.openedAt, tz)],
    [t('ticket.acknowledgedAt'), detail.acknowledgedAt && i18n.dateTime(detail.acknowledgedAt, tz)],
    [t('ticket.resolvedAt'), detail.resolvedAt && i18n.dateTime(detail.resolvedAt, tz)],
  ];
  return (
    <div class="ticket-page">
      <header class="ticket-header">
        <h1><bdi class="ticket-number">{detail.number}</bdi> <bdi>{detail.title}</bdi></h1>
        <p>
          <span class={`priority priority-${detail.priority}`}>{detail.priority}</span>{' '}
          <span class={`status status-${detail.status}`}>{t(`status.${detail.status}`)}</span>{' '}
          <span class="muted">{t('board.presses', { count: detail.pressCount })}</span>
          {detail.reopenCount > 0 && <span class="muted"> · {t('ticket.reopened', { count: detail.reopenCount })}</span>}
        </p>
      </header>
      <div class="ticket-columns">
        <div class="ticket-main">
          <section aria-labelledby="work-h" class="panel">
            <h2 id="work-h">{t('ticket.actions')}</h2>
            <TicketWork ticket={detail} me={me} reference={reference} onChange={onChange} />
          </section>
          <section aria-labelledby="timeline-h" class="panel">
            <h2 id="timeline-h">{t('ticket.timeline')}</h2>
            <TicketTimeline entries={detail.timeline} reference={reference} devices={names} timeZone={tz} />
            <CommentForm number={detail.number} id="ticket-comment" autoFocus={false} onAdded={reload} />
          </section>
        </div>
        <div class="ticket-side">
          <section aria-labelledby="sla-h" class="panel">
            <h2 id="sla-h">{t('ticket.sla')}</h2>
            <SlaClocks ticket={detail} marks={marks} explanation={explanation} timeZone={tz} />
          </section>
          <section aria-labelledby="details-h" class="panel">
            <h2 id="details-h">{t('ticket.details')}</h2>
            <dl class="facts">{facts.filter(([, v]) => v).map(([k, v]) => <div key={k}><dt>{k}</dt><dd>{typeof v === 'string' ? <bdi>{v}</bdi> : v}</dd></div>)}</dl>
          </section>
          <section aria-labelledby="device-h" class="panel">
            <h2 id="device-h">{t('ticket.snapshot')}</h2>
            <DeviceSnapshot snapshot={detail.snapshot} source={detail.source} timeZone={tz} />
          </section>
          {detail.presses.length > 0 && (
            <section aria-labelledby="presses-h" class="panel">
              <h2 id="presses-h">{t('ticket.presses')}</h2>
              <TicketPresses presses={detail.presses} devices={names} timeZone={tz} />
            </section>
          )}
        </div>
      </div>
    </div>
  );
}
