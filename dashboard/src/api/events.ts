/**
 * The live stream (`GET /api/events`, Server-Sent Events): one EventSource shared by every
 * page that listens. The browser resumes with Last-Event-ID by itself; after any reconnect
 * listeners are also told to reload, since a restarted server starts its event ids afresh.
 */
import { z } from 'zod/mini';
import { api } from './client.ts';
import { Ticket } from './schemas.ts';

export type LiveStatus = 'connecting' | 'live' | 'reconnecting';
export type TicketChange = { type: 'ticket.created' | 'ticket.merged' | 'ticket.updated'; ticket: Ticket };
export type LiveListener = {
  ticket?(change: TicketChange): void;
  /** Presence or telemetry of these devices changed (in-process gateway only; reload them). */
  device?(deviceIds: string[]): void;
  /** Something may have been missed: reload what you show. */
  resync?(): void;
  status?(status: LiveStatus): void;
};

const TICKET_EVENTS = ['ticket.created', 'ticket.merged', 'ticket.updated'] as const;
const Envelope = z.object({ data: z.object({ ticket: z.optional(z.unknown()) }) });
const DeviceEnvelope = z.object({ data: z.object({ deviceIds: z.array(z.string()) }) });
const RETRY_MS = 3000;

const listeners = new Set<LiveListener>();
let source: EventSource | null = null;
let status: LiveStatus = 'connecting';
let readyBefore = false;
let lastEventId = '';
let retry: ReturnType<typeof setTimeout> | undefined;
let idle: ReturnType<typeof setTimeout> | undefined;
// Moving from one page to another drops and adds listeners: keep the stream over the gap.
const IDLE_CLOSE_MS = 5000;

function setStatus(next: LiveStatus) {
  status = next;
  listeners.forEach((l) => l.status?.(next));
}

function connect() {
  const url = lastEventId ? `/api/events?lastEventId=${encodeURIComponent(lastEventId)}` : '/api/events';
  const es = new EventSource(url, { withCredentials: true });
  source = es;
  es.addEventListener('ready', () => {
    setStatus('live');
    if (readyBefore) listeners.forEach((l) => l.resync?.());
    readyBefore = true;
  });
  es.addEventListener('resync', () => listeners.forEach((l) => l.resync?.()));
  for (const type of TICKET_EVENTS) {
    es.addEventListener(type, (m: MessageEvent<string>) => {
      if (m.lastEventId) lastEventId = m.lastEventId;
      const envelope = Envelope.safeParse(JSON.parse(m.data));
      const ticket = Ticket.safeParse(envelope.success ? envelope.data.data.ticket : null);
      if (ticket.success) listeners.forEach((l) => l.ticket?.({ type, ticket: ticket.data }));
      else listeners.forEach((l) => l.resync?.());
    });
  }
  es.addEventListener('device.updated', (m: MessageEvent<string>) => {
    if (m.lastEventId) lastEventId = m.lastEventId;
    const envelope = DeviceEnvelope.safeParse(JSON.parse(m.data));
    if (envelope.success) listeners.forEach((l) => l.device?.(envelope.data.data.deviceIds));
  });
  es.onerror = () => {
    setStatus('reconnecting');
    // CLOSED: the server refused (logged out, restarting); the browser will not retry by itself.
    if (es.readyState === EventSource.CLOSED) {
      es.close();
      // An ended session shows up as a 401 here, which sends the page to the login.
      void api.me().catch(() => {});
      retry = setTimeout(() => {
        if (source === es) connect();
      }, RETRY_MS);
    }
  };
}

function close() {
  clearTimeout(retry);
  source?.close();
  source = null;
  readyBefore = false;
  status = 'connecting';
}

/** Listen while the returned function is not called; the stream closes with the last listener. */
export function listen(listener: LiveListener): () => void {
  clearTimeout(idle);
  listeners.add(listener);
  listener.status?.(status);
  if (!source) connect();
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) idle = setTimeout(close, IDLE_CLOSE_MS);
  };
}
