/**
 * The IT desk board (design §9): open tickets, most urgent first, with live SLA countdowns,
 * filters kept in the URL, and the next steps in place. New tickets arrive over the live
 * stream without a reload.
 */
import { useEffect, useMemo } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import type { Ticket, User } from '../../api/schemas.ts';
import { filtersToSearch, hasFilters, matchesFilters, parseFilters } from '../../domain/board-filters.ts';
import { compareUrgency, slaState } from '../../domain/urgency.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useAnnounce } from '../../ui/announcer.tsx';
import { AppShell } from '../../ui/app-shell.tsx';
import { ErrorState, Loading } from '../../ui/states.tsx';
import { useNow } from '../../ui/use-now.ts';
import { BoardFilterBar } from './board-filters.tsx';
import { TicketCard } from './ticket-card.tsx';
import { useOpenTickets } from './use-open-tickets.ts';
import { useP1Alerts } from './use-p1-alerts.ts';
import { useReference, type Reference } from './use-reference.ts';

export function BoardPage({ me }: { me: User }) {
  const { t } = useI18n();
  const { reference, error: referenceError, refresh } = useReference(true);
  const announce = useAnnounce();
  const alerts = useP1Alerts();
  const onCreated = (ticket: Ticket) => {
    const site = reference?.sites.get(ticket.siteId);
    const text = t('board.announceNew', { number: ticket.number, title: ticket.title, site: site?.name ?? '' });
    announce(text, 'quiet');
    alerts.alert(ticket, t('alerts.title', { number: ticket.number }), text);
  };
  const open = useOpenTickets(onCreated);
  const error = referenceError ?? open.error;
  const unknownNames = reference ? [...open.tickets.values()]
    .filter((x) => !reference.sites.has(x.siteId) || !reference.categories.has(x.categoryId)).map((x) => x.id).join() : '';
  useEffect(() => {
    if (unknownNames) refresh();
  }, [unknownNames, refresh]);

  return (
    <AppShell wide>
      <div class="board-top">
        <h1 id="board-title" tabIndex={-1}>{t('board.title')}</h1>
        <button type="button" class="alert-toggle" aria-pressed={alerts.enabled} onClick={alerts.toggle}>
          <svg aria-hidden="true" viewBox="0 0 24 24" width="18" height="18" fill="none" stroke="currentColor" stroke-width="1.8">
            <path d="M6 16V11a6 6 0 0 1 12 0v5l1.5 2h-15zM10 20a2 2 0 0 0 4 0" />
            {!alerts.enabled && <path d="M4 4l16 16" />}
          </svg>
          {t('alerts.toggle')}
        </button>
      </div>
      {error ? <ErrorState error={error} retry={() => location.reload()} />
        : !reference || open.loading ? <Loading label={t('board.loading')} />
          : <Board reference={reference} me={me} open={open} />}
    </AppShell>
  );
}

function Board({ reference, me, open }: { reference: Reference; me: User; open: ReturnType<typeof useOpenTickets> }) {
  const { t } = useI18n();
  const { query, route } = useLocation();
  const now = useNow();
  const filters = parseFilters(query);
  const context = useMemo(() => ({
    siteIdByCode: new Map([...reference.sites.values()].map((s) => [s.code, s.id])),
    categoryIdByKey: new Map([...reference.categories.values()].map((c) => [c.key, c.id])),
    meId: me.id,
  }), [reference, me.id]);
  const all = [...open.tickets.values()];
  const shown = all.filter((x) => matchesFilters(x, filters, context)).sort(compareUrgency);
  const overdue = all.filter((x) => {
    const s = slaState(x, now, open.marks.get(x.id));
    return s.kind === 'running' && s.phase === 'breach';
  }).length;

  return (
    <>
      <p class="board-summary">
        <strong>{t('board.count', { count: all.length })}</strong>
        <span aria-hidden="true"> · </span>
        <span class={overdue ? 'summary-breach' : ''}>{t('board.overdue', { count: overdue })}</span>
        {hasFilters(filters) && <><span aria-hidden="true"> · </span>{t('board.shown', { shown: shown.length, total: all.length })}</>}
      </p>
      <BoardFilterBar filters={filters} reference={reference} me={me} onChange={(next) => route(`/${filtersToSearch(next)}`, true)} />
      {shown.length === 0 ? (
        <p class="empty">{hasFilters(filters) ? t('board.emptyFiltered') : t('board.empty')}</p>
      ) : (
        <>
          <div class="board-columns" aria-hidden="true">
            <span>{t('board.col.ticket')}</span><span>{t('board.col.site')}</span><span>{t('board.col.status')}</span>
            <span>{t('board.col.assignee')}</span><span>{t('board.col.sla')}</span><span>{t('board.col.actions')}</span>
          </div>
          <ol class="board-list" aria-label={t('board.tableCaption')}>
            {shown.map((ticket) => (
              <TicketCard key={ticket.id} ticket={ticket} marks={open.marks.get(ticket.id)} reference={reference} me={me}
                arrived={open.arrived.has(ticket.id)} onChange={open.apply} />
            ))}
          </ol>
        </>
      )}
    </>
  );
}
