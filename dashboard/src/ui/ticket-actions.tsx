/**
 * Working a ticket in place: its next status steps (from the server's own state machine),
 * and the call that runs one, with the outcome announced and the ticket handed back.
 */
import { useState } from 'preact/hooks';
import { allowedVerbs, type StatusVerb } from '../../../server/src/domain/ticket-states.ts';
import { api } from '../api/client.ts';
import type { ApiError } from '../api/http.ts';
import type { Ticket } from '../api/schemas.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { useAnnounce } from './announcer.tsx';
import { errorText } from './states.tsx';

/** The board shows the usual next step and resolve; the ticket page shows every allowed step. */
const NEXT: Record<string, StatusVerb> = { new: 'acknowledge', acknowledged: 'start', in_progress: 'pend', pending: 'resume' };

export function boardVerbs(status: Ticket['status']): StatusVerb[] {
  const allowed = allowedVerbs(status);
  return [NEXT[status], 'resolve' as const].filter((v): v is StatusVerb => !!v && allowed.includes(v));
}

export function useTicketAction(onDone: (t: Ticket) => void) {
  const { t } = useI18n();
  const announce = useAnnounce();
  const [busy, setBusy] = useState<StatusVerb | 'assign' | null>(null);
  const run = async (ticket: Ticket, what: StatusVerb | 'assign', call: () => Promise<Ticket>, done: string) => {
    setBusy(what);
    try {
      const updated = await call();
      onDone(updated);
      announce(done);
      return true;
    } catch (err) {
      announce(t('action.failed', { number: ticket.number, message: errorText(t, err as ApiError) }), 'error');
      return false;
    } finally {
      setBusy(null);
    }
  };
  return {
    busy,
    act: (ticket: Ticket, verb: StatusVerb, note?: string) =>
      run(ticket, verb, () => api.act(ticket.number, verb, note), t(`action.done.${verb}`, { number: ticket.number })),
    assign: (ticket: Ticket, user: { id: string; name: string } | null) =>
      run(ticket, 'assign', () => api.assign(ticket.number, { assigneeId: user?.id ?? null }),
        user ? t('assign.done', { number: ticket.number, name: user.name }) : t('assign.cleared', { number: ticket.number })),
  };
}
