import { describe, expect, it } from 'vitest';
import { newPress, readOutbox, readReports, writeOutbox, writeReports, type Report } from './phone-store.ts';

function memory() {
  const data = new Map<string, string>();
  return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v) };
}
const NOW = Date.parse('2026-11-23T09:00:00Z');
const report = (overrides: Partial<Report>): Report => ({
  pressId: 'p', siteCode: 'waw-1', button: 0, category: 'Printer', pressedAt: NOW, ticketNumber: null, error: null, rating: null, ...overrides,
});

describe('the phone\'s store', () => {
  it('makes presses in the device contract\'s shape with their original time', () => {
    expect(newPress('vb-waw', 2, NOW, 'abc')).toEqual({
      deviceId: 'vb-waw', attempts: 0, press: { v: 1, pressId: 'vb-abc', seq: NOW, button: 2, action: 'single', pressedAt: NOW },
    });
  });

  it('keeps the outbox across reloads and survives garbage', () => {
    const store = memory();
    writeOutbox(store, [newPress('d', 0, NOW, '1')]);
    expect(readOutbox(store)).toHaveLength(1);
    store.setItem('dash.outbox', '{not json');
    expect(readOutbox(store)).toEqual([]);
  });

  it('keeps each site\'s reports apart, newest first, a week at most', () => {
    const store = memory();
    writeReports(store, 'krk-1', [report({ pressId: 'k', siteCode: 'krk-1' })]);
    writeReports(store, 'waw-1', [report({ pressId: 'old', pressedAt: NOW - 8 * 86_400_000 }), report({ pressId: 'a', pressedAt: NOW - 1000 }), report({ pressId: 'b' })]);
    expect(readReports(store, 'waw-1', NOW).map((r) => r.pressId)).toEqual(['b', 'a']);
    expect(readReports(store, 'krk-1', NOW).map((r) => r.pressId)).toEqual(['k']);
  });
});
