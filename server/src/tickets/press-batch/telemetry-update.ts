/**
 * Telemetry of many devices in one UPDATE … FROM unnest(…): the gateway's writer flushes
 * every pending device with it once per tick. Newer state wins (applyTelemetry in batch-state.ts is the same rule):
 * writes run concurrently on a pool, and an older report must not overwrite a newer one.
 */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { unnestOf } from '../../db/list-params.ts';
import { mergeTelemetry, type TelemetryRow } from './batch-state.ts';

const NEWER = '(v.has_data and (d.telemetry_at is null or d.telemetry_at <= v.at))';
const FIELDS = ['battery_mv', 'battery_pct', 'rssi', 'uptime_s', 'fw', 'pending', 'extra'];

/** Writes the rows (merged per device first); returns how many devices it touched. */
export async function writeTelemetry(db: DbOrTx, rows: TelemetryRow[]): Promise<number> {
  const merged = mergeTelemetry(rows);
  if (merged.length === 0) return 0;
  const column = (type: 'text' | 'int' | 'timestamptz', pick: (r: TelemetryRow) => unknown) => ({ values: merged.map(pick), type });
  // Arrays, not a VALUES list: one statement text (and one prepared statement) for any number of
  // devices. A real and a jsonb travel as text, a boolean as 0/1 (postgres.js types a boolean
  // array as a scalar boolean, which cannot be cast to boolean[]); all are cast below.
  const u = unnestOf([
    column('text', (r) => r.deviceId), column('timestamptz', (r) => r.at), column('int', (r) => (Object.keys(r.data).length > 0 ? 1 : 0)),
    column('int', (r) => r.data.batteryMv ?? null), column('text', (r) => r.data.batteryPct ?? null), column('int', (r) => r.data.rssi ?? null),
    column('int', (r) => r.data.uptimeS ?? null), column('text', (r) => r.data.fw ?? null), column('int', (r) => r.data.pending ?? null),
    column('text', (r) => (r.data.extra === undefined ? null : JSON.stringify(r.data.extra))),
  ]);
  const col = (name: string) => sql.raw(`${name} = case when ${NEWER} then coalesce(v.${name}, d.${name}) else d.${name} end`);
  await db.execute(sql`update devices d set
    last_seen_at = greatest(d.last_seen_at, v.at),
    telemetry_at = case when ${sql.raw(NEWER)} then v.at else d.telemetry_at end,
    ${sql.join(FIELDS.map(col), sql`, `)}
    from (select id, at, has_data = 1 as has_data, battery_mv, battery_pct::real as battery_pct, rssi, uptime_s, fw, pending, extra::jsonb as extra
      from ${u} as u(id, at, has_data, battery_mv, battery_pct, rssi, uptime_s, fw, pending, extra)) as v
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
  const latest = [...newest.values()];
  // Arrays, not a VALUES list: one statement text (and one prepared statement) for any number of devices.
  const v = unnestOf([
    { values: latest.map((r) => r.deviceId), type: 'text' }, { values: latest.map((r) => r.state), type: 'text' }, { values: latest.map((r) => r.at), type: 'timestamptz' },
  ]);
  await db.execute(sql`update devices d set state = v.state, state_at = v.at, last_seen_at = greatest(d.last_seen_at, v.at), updated_at = v.at
    from ${v} as v(id, state, at)
    where d.id = v.id and (d.state_at is null or d.state_at <= v.at)`);
  return newest.size;
}
