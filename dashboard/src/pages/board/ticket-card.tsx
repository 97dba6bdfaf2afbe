/** One open ticket on the board: what, where, who, how urgent, and its next steps in place. */
import { useRef, useState } from 'preact/hooks';
import type { Ticket, User } from '../../api/schemas.ts';
import { slaState, type ReminderMarks } from '../../domain/urgency.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { CommentForm } from '../../ui/comment-form.tsx';
import { SlaBadge } from '../../ui/sla-badge.tsx';
import { boardVerbs, useTicketAction } from '../../ui/ticket-actions.tsx';
import { useNow } from '../../ui/use-now.ts';
import type { Reference } from './use-reference.ts';

type Props = { ticket: Ticket; marks: ReminderMarks | undefined; reference: Reference; me: User; arrived: boolean; onChange(t: Ticket): void };

export function TicketCard({ ticket, marks, reference, me, arrived, onChange }: Props) {
  const i18n = useI18n();
  const { t } = i18n;
  const now = useNow();
  const { busy, act, assign } = useTicketAction(onChange);
  const [commenting, setCommenting] = useState(false);
  const commentButton = useRef<HTMLButtonElement>(null);
  const actions = useRef<HTMLDivElement>(null);
  const site = reference.sites.get(ticket.siteId);
  const category = reference.categories.get(ticket.categoryId);
  const assignee = ticket.assigneeId ? reference.users.get(ticket.assigneeId) : undefined;
  const sla = slaState(ticket, now, marks);
  const phase = sla.kind === 'running' ? sla.phase : 'none';
  const headingId = `ticket-${ticket.id}`;
  const commentId = `comment-${ticket.id}`;

  const closeComment = () => {
    setCommenting(false);
    commentButton.current?.focus();
  };
  // The buttons change with the status: keep the keyboard in this card's actions.
  const refocus = () => requestAnimationFrame(() => actions.current?.querySelector<HTMLButtonElement>('button:not([disabled])')?.focus());

  return (
    <li class={`ticket-card phase-${phase}${arrived ? ' arrived' : ''}`} data-ticket={ticket.number}>
      <article aria-labelledby={headingId}>
        <div class="cell cell-ticket">
          <span class={`priority priority-${ticket.priority}`} title={t(`priority.${ticket.priority}`)}>
            {ticket.priority}<span class="visually-hidden"> {t(`priority.${ticket.priority}`)}</span>
          </span>
          <h2 id={headingId} class="ticket-heading">
            <a href={`/tickets/${ticket.number}`}><bdi class="ticket-number">{ticket.number}</bdi> <bdi class="ticket-title">{ticket.title}</bdi></a>
          </h2>
          <p class="ticket-meta">
            <bdi>{category?.name ?? '—'}</bdi>
            <span aria-hidden="true"> · </span>
            {t('board.presses', { count: ticket.pressCount })}
            <span aria-hidden="true"> · </span>
            <time dateTime={ticket.openedAt} title={i18n.dateTime(ticket.openedAt, site?.timezone)}>{t('board.openedAgo', { ago: i18n.ago(ticket.openedAt, now) })}</time>
          </p>
        </div>
        <div class="cell cell-site"><span class="cell-label">{t('board.col.site')}</span><bdi>{site?.name ?? '—'}</bdi></div>
        <div class="cell cell-status"><span class="cell-label">{t('board.col.status')}</span><span class={`status status-${ticket.status}`}>{t(`status.${ticket.status}`)}</span></div>
        <div class="cell cell-assignee">
          <span class="cell-label">{t('board.col.assignee')}</span>
          {assignee ? <bdi>{assignee.name}</bdi> : <span class="muted">{t('board.unassigned')}</span>}
          {ticket.assigneeId !== me.id && (
            <button type="button" class="link-button" disabled={busy !== null} aria-describedby={headingId}
              onClick={() => void assign(ticket, me)}>{t('assign.me')}</button>
          )}
        </div>
        <div class="cell cell-sla"><span class="cell-label">{t('board.col.sla')}</span><SlaBadge state={sla} timeZone={site?.timezone} /></div>
        <div class="cell cell-actions" ref={actions} role="group" aria-label={t('action.more', { number: ticket.number })} aria-busy={busy !== null}>
          {boardVerbs(ticket.status).map((verb) => (
            <button key={verb} type="button" class={verb === 'resolve' ? '' : 'primary'} disabled={busy !== null} aria-describedby={headingId}
              onClick={() => void act(ticket, verb).then((ok) => ok && refocus())}>{t(`verb.${verb}`)}</button>
          ))}
          <button type="button" ref={commentButton} aria-expanded={commenting} aria-controls={commenting ? commentId : undefined} aria-describedby={headingId}
            onClick={() => (commenting ? closeComment() : setCommenting(true))}>{t('comment.open')}</button>
        </div>
      </article>
      {commenting && <CommentForm number={ticket.number} id={commentId} onClose={closeComment} />}
    </li>
  );
}
