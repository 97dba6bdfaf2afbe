import { describe, expect, it } from 'vitest';
import { applyTelemetry, mergeTelemetry, RateWindow, TicketDeltas } from './batch-state.ts';

const at = (s: number) => new Date(Date.UTC(2026, 10, 23, 12, 0, s));

describe('RateWindow', () => {
  it('counts the accepted presses received after the given time, loaded and added in the batch', () => {
    const w = new RateWindow([{ deviceId: 'd1', receivedAt: at(1) }, { deviceId: 'd1', receivedAt: at(5) }, { deviceId: 'd2', receivedAt: at(5) }]);
    w.add('d1', at(9));
    expect(w.countSince('d1', at(1))).toBe(2); // strictly after
    expect(w.countSince('d1', at(0))).toBe(3);
    expect(w.countSince('d3', at(0))).toBe(0);
  });
});

describe('TicketDeltas', () => {
  it('folds the presses of one ticket into one row: count, latest press time, last receive time', () => {
    const d = new TicketDeltas();
    d.add('b-ticket', at(3), at(10));
    d.add('a-ticket', at(1), at(11));
    d.add('b-ticket', at(2), at(12)); // a late queued press does not move lastPressAt back
    expect(d.take()).toEqual([
      { ticketId: 'a-ticket', count: 1, lastPressAt: at(1), at: at(11) },
      { ticketId: 'b-ticket', count: 2, lastPressAt: at(3), at: at(12) },
    ]);
    expect(d.size).toBe(0);
  });
});

describe('mergeTelemetry', () => {
  it('makes one row per device: newer fields win, older ones fill the gaps', () => {
    expect(mergeTelemetry([
      { deviceId: 'd2', data: { rssi: -50 }, at: at(1) },
      { deviceId: 'd1', data: { batteryPct: 80, rssi: -60 }, at: at(5) },
      { deviceId: 'd1', data: { batteryPct: 90, fw: '1.0' }, at: at(2) },
      { deviceId: 'd1', data: { rssi: -70 }, at: at(7) },
    ])).toEqual([
      { deviceId: 'd1', data: { batteryPct: 80, rssi: -70, fw: '1.0' }, at: at(7) },
      { deviceId: 'd2', data: { rssi: -50 }, at: at(1) },
    ]);
  });
});

describe('applyTelemetry', () => {
  const device = { lastSeenAt: at(10), telemetryAt: at(10), batteryMv: 3000, batteryPct: 50, rssi: -60, uptimeS: 5, fw: '1.0', pending: 0, extra: null };

  it('applies a newer report field by field and keeps the fields it lacks', () => {
    expect(applyTelemetry(device, { batteryPct: 40, extra: { paper: 'out' } }, at(20))).toEqual({
      ...device, lastSeenAt: at(20), telemetryAt: at(20), batteryPct: 40, extra: { paper: 'out' },
    });
  });

  it('ignores an older report, and an empty one only marks the device seen', () => {
    expect(applyTelemetry(device, { batteryPct: 90 }, at(5))).toEqual(device);
    expect(applyTelemetry(device, {}, at(30))).toEqual({ ...device, lastSeenAt: at(30) });
  });
});
