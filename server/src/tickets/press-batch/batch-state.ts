/**
 * The in-memory side of a set-based press batch (pure: no I/O). A batch loads what its
 * presses need once, then decides them one by one in arrival order; these structures keep
 * what earlier presses of the same batch changed, so each decision sees what it would have
 * seen had the presses been written one at a time.
 */

export const pressKey = (deviceId: string, pressId: string) => `${deviceId}\u0000${pressId}`;
export const pairKey = (siteId: string, categoryId: string) => `${siteId}\u0000${categoryId}`;

/** Accepted presses per device by receive time: the rate limit's window (design §3). */
export class RateWindow {
  private readonly times = new Map<string, number[]>();

  constructor(rows: { deviceId: string; receivedAt: Date }[]) {
    for (const r of rows) this.add(r.deviceId, r.receivedAt);
  }

  add(deviceId: string, receivedAt: Date): void {
    const list = this.times.get(deviceId);
    if (list) list.push(receivedAt.getTime());
    else this.times.set(deviceId, [receivedAt.getTime()]);
  }

  /** Accepted presses of the device received after `since`. */
  countSince(deviceId: string, since: Date): number {
    const after = since.getTime();
    let n = 0;
    for (const t of this.times.get(deviceId) ?? []) if (t > after) n++;
    return n;
  }
}

export type TicketDelta = { ticketId: string; count: number; lastPressAt: Date; at: Date };

/**
 * Presses counted on tickets, one row per ticket however many presses it got: the batch
 * writes them with one UPDATE. `at` is the receive time of the ticket's last press in the
 * batch (its updatedAt), `lastPressAt` the latest press time.
 */
export class TicketDeltas {
  private readonly byTicket = new Map<string, TicketDelta>();

  add(ticketId: string, pressedAt: Date, at: Date): void {
    const d = this.byTicket.get(ticketId);
    if (!d) {
      this.byTicket.set(ticketId, { ticketId, count: 1, lastPressAt: pressedAt, at });
      return;
    }
    d.count++;
    if (pressedAt > d.lastPressAt) d.lastPressAt = pressedAt;
    d.at = at;
  }

  /** The rows to write, and forgets them. Sorted by ticket id: concurrent batches lock in one order. */
  take(): TicketDelta[] {
    const rows = [...this.byTicket.values()].sort((a, b) => (a.ticketId < b.ticketId ? -1 : a.ticketId > b.ticketId ? 1 : 0));
    this.byTicket.clear();
    return rows;
  }

  get size(): number {
    return this.byTicket.size;
  }
}

/** Telemetry fields a device reports; all optional, none null (gateway/src/mqtt/contract.ts). */
export type TelemetryData = {
  batteryMv?: number; batteryPct?: number; rssi?: number; uptimeS?: number; fw?: string; pending?: number; extra?: Record<string, unknown>;
};
export type TelemetryRow = { deviceId: string; data: TelemetryData; at: Date };

/**
 * Several telemetry reports for one device become one row: the newer report's fields win,
 * an older report only fills fields the newer one lacks. The result is sorted by device id.
 */
export function mergeTelemetry(rows: TelemetryRow[]): TelemetryRow[] {
  const byDevice = new Map<string, TelemetryRow>();
  for (const r of rows) {
    const seen = byDevice.get(r.deviceId);
    if (!seen) byDevice.set(r.deviceId, { deviceId: r.deviceId, data: { ...r.data }, at: r.at });
    else if (r.at >= seen.at) byDevice.set(r.deviceId, { deviceId: r.deviceId, data: { ...seen.data, ...r.data }, at: r.at });
    else seen.data = { ...r.data, ...seen.data };
  }
  return [...byDevice.values()].sort((a, b) => (a.deviceId < b.deviceId ? -1 : a.deviceId > b.deviceId ? 1 : 0));
}

type DeviceTelemetryColumns = {
  lastSeenAt: Date | null; telemetryAt: Date | null; batteryMv: number | null; batteryPct: number | null; rssi: number | null;
  uptimeS: number | null; fw: string | null; pending: number | null; extra: Record<string, unknown> | null;
};

/**
 * What a telemetry report does to a device row, newer state winning: `lastSeenAt` only moves
 * forward, and the values apply only when no newer report was stored already. The batch
 * UPDATE in telemetry-update.ts is the same rule in SQL.
 */
export function applyTelemetry<D extends DeviceTelemetryColumns>(device: D, data: TelemetryData, at: Date): D {
  const lastSeenAt = device.lastSeenAt && device.lastSeenAt > at ? device.lastSeenAt : at;
  const newer = Object.keys(data).length > 0 && (device.telemetryAt === null || device.telemetryAt <= at);
  if (!newer) return { ...device, lastSeenAt };
  return {
    ...device,
    lastSeenAt,
    telemetryAt: at,
    batteryMv: data.batteryMv ?? device.batteryMv,
    batteryPct: data.batteryPct ?? device.batteryPct,
    rssi: data.rssi ?? device.rssi,
    uptimeS: data.uptimeS ?? device.uptimeS,
    fw: data.fw ?? device.fw,
    pending: data.pending ?? device.pending,
    extra: data.extra ?? device.extra,
  };
}
