/**
 * What the virtual button keeps on the phone (issue 5: it works offline): the presses the
 * server has not confirmed yet, and the reports made here, to follow their status. A press
 * keeps its id and original time, so sending it again after a lost answer is harmless: the
 * server answers `duplicate` with the same ticket.
 */
import type { PressPayload } from '../../api/client.ts';

export type Store = Pick<Storage, 'getItem' | 'setItem'>;
export type Outgoing = { deviceId: string; press: PressPayload; attempts: number };
export type Report = {
  pressId: string;
  siteCode: string;
  button: number;
  category: string;
  pressedAt: number;
  ticketNumber: string | null;
  /** Set when the server refused the press for good. */
  error: string | null;
  rating: number | null;
};

const OUTBOX = 'dash.outbox';
const REPORTS = 'dash.reports';
const KEEP_REPORTS = 10;
const KEEP_MS = 7 * 24 * 3_600_000;

function read<T>(store: Store, key: string): T[] {
  try {
    const value: unknown = JSON.parse(store.getItem(key) ?? '[]');
    return Array.isArray(value) ? (value as T[]) : [];
  } catch {
    return [];
  }
}

export const readOutbox = (store: Store) => read<Outgoing>(store, OUTBOX);
export const writeOutbox = (store: Store, list: Outgoing[]) => store.setItem(OUTBOX, JSON.stringify(list));

/** This site's reports, newest first, the last week's ten at most. */
export function readReports(store: Store, siteCode: string, now: number): Report[] {
  return read<Report>(store, REPORTS).filter((r) => r.siteCode === siteCode && now - r.pressedAt < KEEP_MS)
    .sort((a, b) => b.pressedAt - a.pressedAt).slice(0, KEEP_REPORTS);
}

export function writeReports(store: Store, siteCode: string, reports: Report[]) {
  const others = read<Report>(store, REPORTS).filter((r) => r.siteCode !== siteCode);
  store.setItem(REPORTS, JSON.stringify([...others, ...reports.slice(0, KEEP_REPORTS)]));
}

/** A new press of `button` at `now` (epoch ms); `seq` is the time too, so it grows on every phone. */
export function newPress(deviceId: string, button: number, now: number, id: string): Outgoing {
  return { deviceId, attempts: 0, press: { v: 1, pressId: `vb-${id}`, seq: now, button, action: 'single', pressedAt: now } };
}
