/**
 * The virtual button's presses and reports: a press is stored on the phone first, then sent;
 * what could not be sent goes out again when the network is back (the `online` event, and a
 * retry every 15 s). The status of each report's ticket is followed on the live stream.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../../api/client.ts';
import { listen } from '../../api/events.ts';
import type { ApiError } from '../../api/http.ts';
import type { Ticket } from '../../api/schemas.ts';
import { newPress, readOutbox, readReports, writeOutbox, writeReports, type Report } from './phone-store.ts';
import { randomId } from './report-state.ts';

const RETRY_MS = 15_000;
const KEEP_TRYING: readonly string[] = ['NETWORK', 'INTERNAL', 'RATE_LIMITED'];

export function useReports(siteCode: string, deviceId: string | null) {
  const [reports, setReports] = useState<Report[]>(() => readReports(localStorage, siteCode, Date.now()));
  const [tickets, setTickets] = useState<ReadonlyMap<string, Ticket>>(new Map());
  const [offline, setOffline] = useState(!navigator.onLine);
  const [waiting, setWaiting] = useState(() => readOutbox(localStorage).length);
  const sending = useRef(false);

  const save = useCallback((update: (r: Report[]) => Report[]) => setReports((prev) => {
    const next = update(prev);
    writeReports(localStorage, siteCode, next);
    return next;
  }), [siteCode]);
  const follow = useCallback((number: string) => {
    api.ticketStatus(number).then((t) => setTickets((m) => new Map(m).set(t.number, t)), () => {});
  }, []);

  const flush = useCallback(async () => {
    const outbox = readOutbox(localStorage);
    if (sending.current || outbox.length === 0) return;
    sending.current = true;
    const sent = new Set(outbox.map((o) => o.press.pressId));
    try {
      // A press sent again after a failed try says so, like a button's own queue does.
      const { results } = await api.press(outbox.map((o) => ({ deviceId: o.deviceId, press: o.attempts > 0 ? { ...o.press, queued: true } : o.press })));
      const done = new Map(results.filter((r) => r.outcome !== 'error').map((r) => [r.pressId, r]));
      writeOutbox(localStorage, readOutbox(localStorage).filter((o) => !done.has(o.press.pressId)).map((o) => (sent.has(o.press.pressId) ? { ...o, attempts: o.attempts + 1 } : o)));
      save((prev) => prev.map((r) => {
        const result = done.get(r.pressId);
        return result ? { ...r, ticketNumber: result.ticketNumber ?? r.ticketNumber, error: result.outcome === 'rejected' ? (result.reason ?? 'rejected') : null } : r;
      }));
      setOffline(false);
      done.forEach((r) => r.ticketNumber && follow(r.ticketNumber));
    } catch (err) {
      const failure = err as ApiError;
      const retry = KEEP_TRYING.includes(failure.code);
      writeOutbox(localStorage, readOutbox(localStorage).flatMap((o) => (!sent.has(o.press.pressId) ? [o] : retry ? [{ ...o, attempts: o.attempts + 1 }] : [])));
      if (failure.code === 'NETWORK') setOffline(true);
      if (!retry) save((prev) => prev.map((r) => (sent.has(r.pressId) ? { ...r, error: failure.message } : r)));
    } finally {
      sending.current = false;
      setWaiting(readOutbox(localStorage).length);
    }
  }, [save, follow]);

  const press = useCallback((button: number, category: string) => {
    if (!deviceId) return;
    const item = newPress(deviceId, button, Date.now(), randomId());
    writeOutbox(localStorage, [...readOutbox(localStorage), item]);
    save((prev) => [{ pressId: item.press.pressId, siteCode, button, category, pressedAt: item.press.pressedAt, ticketNumber: null, error: null, rating: null }, ...prev]);
    setWaiting((n) => n + 1);
    void flush();
  }, [deviceId, siteCode, save, flush]);

  const rate = useCallback(async (report: Report, rating: number) => {
    await api.feedback(report.ticketNumber!, rating);
    save((prev) => prev.map((r) => (r.pressId === report.pressId ? { ...r, rating } : r)));
  }, [save]);

  useEffect(() => {
    const goOnline = () => void flush();
    const goOffline = () => setOffline(true);
    addEventListener('online', goOnline);
    addEventListener('offline', goOffline);
    const timer = setInterval(goOnline, RETRY_MS);
    void flush();
    return () => {
      removeEventListener('online', goOnline);
      removeEventListener('offline', goOffline);
      clearInterval(timer);
    };
  }, [flush]);

  const numbers = [...new Set(reports.flatMap((r) => (r.ticketNumber ? [r.ticketNumber] : [])))];
  const key = numbers.join();
  useEffect(() => {
    numbers.forEach(follow);
    return listen({
      ticket: (c) => numbers.includes(c.ticket.number) && setTickets((m) => new Map(m).set(c.ticket.number, c.ticket)),
      resync: () => numbers.forEach(follow),
    });
  }, [key, follow]);

  return { reports, tickets, offline, waiting, press, rate };
}
