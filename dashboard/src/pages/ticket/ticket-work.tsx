/** Every step the ticket allows now (with an optional note), and its assignee. */
import { useState } from 'preact/hooks';
import { allowedVerbs } from '../../../../server/src/domain/ticket-states.ts';
import type { Ticket, User } from '../../api/schemas.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useTicketAction } from '../../ui/ticket-actions.tsx';
import type { Reference } from '../board/use-reference.ts';

export function TicketWork({ ticket, me, reference, onChange }: { ticket: Ticket; me: User; reference: Reference; onChange(t: Ticket): void }) {
  const { t } = useI18n();
  const { busy, act, assign } = useTicketAction(onChange);
  const [note, setNote] = useState('');
  const [assignee, setAssignee] = useState(ticket.assigneeId ?? '');
  const people = [...reference.users.values()].filter((u) => u.role !== 'staff' && !u.disabled).sort((a, b) => a.name.localeCompare(b.name));

  return (
    <div class="ticket-work">
      <div class="verb-buttons" role="group" aria-label={t('ticket.actions')} aria-busy={busy !== null}>
        {allowedVerbs(ticket.status).map((verb) => (
          <button key={verb} type="button" class={verb === 'cancel' ? 'danger' : 'primary'} disabled={busy !== null}
            onClick={() => void act(ticket, verb, note.trim() || undefined).then((ok) => ok && setNote(''))}>{t(`verb.${verb}`)}</button>
        ))}
      </div>
      <label for="verb-note">{t('action.note')}</label>
      <textarea id="verb-note" rows={2} maxLength={5000} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
      <form class="assign-form" onSubmit={(e) => {
        e.preventDefault();
        void assign(ticket, reference.users.get(assignee) ?? null);
      }}>
        <label for="assignee">{t('assign.label')}</label>
        <select id="assignee" value={assignee} onChange={(e) => setAssignee(e.currentTarget.value)}>
          <option value="">{t('board.unassigned')}</option>
          {people.map((u) => <option key={u.id} value={u.id}>{u.id === me.id ? `${u.name} (${t('filters.me')})` : u.name}</option>)}
        </select>
        <button type="submit" disabled={busy !== null || assignee === (ticket.assigneeId ?? '')}>{t('assign.submit')}</button>
      </form>
    </div>
  );
}
