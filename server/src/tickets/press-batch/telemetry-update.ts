/**
 * Telemetry of many devices in one UPDATE … FROM (VALUES …): the gateway's writer flushes
 * every pending device with it once per tick, and a press batch stores the telemetry its
 * presses carried. Newer state wins (applyTelemetry in batch-state.ts is the same rule):
 * writes run concurrently on a pool, and an older report must not overwrite a newer one.
 */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { mergeTelemetry, type TelemetryRow } from './batch-state.ts';

const NEWER = '(v.has_data and (d.telemetry_at is null or d.telemetry_at <= v.at))';

/** Writes the rows (merged per device first); returns how many devices it touched. */
export async function writeTelemetry(db: DbOrTx, rows: TelemetryRow[]): Promise<number> {
  const merged = mergeTelemetry(rows);
  if (merged.length === 0) return 0;
  const values = sql.join(merged.map(({ deviceId, data: t, at }) => sql`(${deviceId}::text, ${at.toISOString()}::timestamptz, ${Object.keys(t).length > 0}::boolean,
    ${t.batteryMv ?? null}::int, ${t.batteryPct ?? null}::real, ${t.rssi ?? null}::int, ${t.uptimeS ?? null}::int, ${t.fw ?? null}::text,
    ${t.pending ?? null}::int, ${t.extra === undefined ? null : JSON.stringify(t.extra)}::jsonb)`), sql`, `);
  const col = (name: string) => sql.raw(`${name} = case when ${NEWER} then coalesce(v.${name}, d.${name}) else d.${name} end`);
  await db.execute(sql`update devices d set
    last_seen_at = greatest(d.last_seen_at, v.at),
    telemetry_at = case when ${sql.raw(NEWER)} then v.at else d.telemetry_at end,
    ${sql.join(['battery_mv', 'battery_pct', 'rssi', 'uptime_s', 'fw', 'pending', 'extra'].map(col), sql`, `)}
    from (values ${values}) as v(id, at, has_data, battery_mv, battery_pct, rssi, uptime_s, fw, pending, extra)
    where d.id = v.id`);
  return merged.length;
}

export type StateRow = { deviceId: string; state: string; at: Date };

/**
 * Presence (`$state`) of many devices in one UPDATE; the newest report per device is kept, and
 * a row lands only if it is not older than the stored state, so a late `ready` never hides a
 * newer `lost` (writes run concurrently on a pool, and from several gateways).
 */
export async function writeStates(db: DbOrTx, rows: StateRow[]): Promise<number> {
  const newest = new Map<string, StateRow>();
  for (const r of rows) {
    const seen = newest.get(r.deviceId);
    if (!seen || r.at >= seen.at) newest.set(r.deviceId, r);
  }
  if (newest.size === 0) return 0;
  const values = sql.join([...newest.values()].map((r) => sql`(${r.deviceId}::text, ${r.state}::text, ${r.at.toISOString()}::timestamptz)`), sql`, `);
  await db.execute(sql`update devices d set state = v.state, state_at = v.at, last_seen_at = greatest(d.last_seen_at, v.at), updated_at = v.at
    from (values ${values}) as v(id, state, at)
    where d.id = v.id and (d.state_at is null or d.state_at <= v.at)`);
  return newest.size;
}
