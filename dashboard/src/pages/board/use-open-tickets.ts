/**
 * The open tickets, kept current: loaded once, then changed by the live stream, reloaded when
 * the stream says something may have been missed. A change never replaces a newer copy.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../../api/client.ts';
import { listen, type TicketChange } from '../../api/events.ts';
import type { ApiError } from '../../api/http.ts';
import { OPEN_STATUSES, type Ticket } from '../../api/schemas.ts';
import { firstReminders, type ReminderMarks } from '../../domain/urgency.ts';

const isOpen = (t: Ticket) => (OPEN_STATUSES as readonly string[]).includes(t.status);
const MARKS_BATCH = 200;
const MARKS_DELAY_MS = 300;

export type OpenTickets = {
  tickets: ReadonlyMap<string, Ticket>;
  marks: ReadonlyMap<string, ReminderMarks>;
  /** Ids that arrived live since the page loaded (shown highlighted once). */
  arrived: ReadonlySet<string>;
  loading: boolean;
  error: ApiError | null;
  reload(): void;
  /** A ticket as an action answered it. */
  apply(ticket: Ticket): void;
};

export function useOpenTickets(onCreated: (t: Ticket) => void): OpenTickets {
  const [tickets, setTickets] = useState<ReadonlyMap<string, Ticket>>(new Map());
  const [marks, setMarks] = useState<ReadonlyMap<string, ReminderMarks>>(new Map());
  const [arrived, setArrived] = useState<ReadonlySet<string>>(new Set());
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<ApiError | null>(null);
  const pendingMarks = useRef(new Set<string>());
  const marksTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const created = useRef(onCreated);
  created.current = onCreated;

  const fetchMarks = useCallback(() => {
    const ids = [...pendingMarks.current];
    pendingMarks.current.clear();
    for (let i = 0; i < ids.length; i += MARKS_BATCH) {
      api.slaMarks(ids.slice(i, i + MARKS_BATCH)).then(({ items }) => setMarks((prev) => {
        const next = new Map(prev);
        for (const item of items) next.set(item.ticketId, firstReminders(item.reminders, item.calendar));
        return next;
      }), () => {}); // without marks the board falls back to the 75 % wall-clock estimate
    }
  }, []);
  const wantMarks = useCallback((ids: string[]) => {
    ids.forEach((id) => pendingMarks.current.add(id));
    clearTimeout(marksTimer.current);
    marksTimer.current = setTimeout(fetchMarks, MARKS_DELAY_MS);
  }, [fetchMarks]);

  const apply = useCallback((ticket: Ticket) => {
    setTickets((prev) => {
      const known = prev.get(ticket.id);
      if (known && known.updatedAt > ticket.updatedAt) return prev;
      const next = new Map(prev);
      if (isOpen(ticket)) next.set(ticket.id, ticket);
      else next.delete(ticket.id);
      return next;
    });
    if (isOpen(ticket)) wantMarks([ticket.id]);
  }, [wantMarks]);

  const reload = useCallback(() => {
    setError(null);
    api.openTickets().then((list) => {
      setTickets(new Map(list.map((t) => [t.id, t])));
      setLoading(false);
      wantMarks(list.map((t) => t.id));
    }, (err: ApiError) => {
      setError(err);
      setLoading(false);
    });
  }, [wantMarks]);

  useEffect(() => {
    reload();
    const stop = listen({
      ticket(change: TicketChange) {
        apply(change.ticket);
        if (change.type === 'ticket.created' && isOpen(change.ticket)) {
          setArrived((prev) => new Set(prev).add(change.ticket.id));
          created.current(change.ticket);
        }
      },
      resync: reload,
    });
    return () => {
      stop();
      clearTimeout(marksTimer.current);
    };
  }, [reload, apply]);

  return { tickets, marks, arrived, loading, error, reload, apply };
}
