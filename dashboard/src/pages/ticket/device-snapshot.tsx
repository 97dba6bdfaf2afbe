/** The button's state when it was pressed: battery, signal, firmware, and whatever equipment it watches. */
import type { Snapshot } from '../../api/schemas.ts';
import { useI18n } from '../../i18n/i18n.tsx';

/** Whether the snapshot holds anything a device reported about itself (the phone page reports nothing). */
const hasTelemetry = (s: Snapshot) => s.telemetryAt !== null || s.batteryPct !== null || s.batteryMv !== null || s.rssi !== null
  || s.fw !== null || s.uptimeS !== null || s.pending !== null || (s.extra !== null && Object.keys(s.extra).length > 0);

export function DeviceSnapshot({ snapshot, source, timeZone }: { snapshot: Snapshot | null; source: string; timeZone: string | undefined }) {
  const i18n = useI18n();
  const { t, number } = i18n;
  if (source === 'virtual' && (!snapshot || !hasTelemetry(snapshot))) return <p class="muted">{t('ticket.fromPhone')}</p>;
  if (!snapshot) return <p class="muted">{t('ticket.noSnapshot')}</p>;
  const rows: [string, string | null][] = [
    [t('snapshot.state'), snapshot.state],
    [t('snapshot.lastSeen'), snapshot.lastSeenAt && i18n.dateTime(snapshot.lastSeenAt, timeZone)],
    [t('snapshot.battery'), snapshot.batteryPct === null ? null
      : t('snapshot.batteryValue', { pct: number(snapshot.batteryPct / 100, { style: 'percent' }), mv: snapshot.batteryMv ?? '—' })],
    [t('snapshot.signal'), snapshot.rssi === null ? null : t('snapshot.signalValue', { rssi: snapshot.rssi })],
    [t('snapshot.firmware'), snapshot.fw],
    [t('snapshot.uptime'), snapshot.uptimeS === null ? null : i18n.duration(snapshot.uptimeS * 1000)],
    [t('snapshot.pending'), snapshot.pending === null ? null : number(snapshot.pending)],
  ];
  return (
    <>
      <dl class="facts">
        {rows.filter(([, v]) => v !== null).map(([k, v]) => <div key={k}><dt>{k}</dt><dd><bdi>{v}</bdi></dd></div>)}
      </dl>
      {snapshot.extra && Object.keys(snapshot.extra).length > 0 && (
        <>
          <h3>{t('snapshot.extra')}</h3>
          <dl class="facts">
            {Object.entries(snapshot.extra).map(([k, v]) => <div key={k}><dt><bdi>{k}</bdi></dt><dd><bdi>{typeof v === 'string' ? v : JSON.stringify(v)}</bdi></dd></div>)}
          </dl>
        </>
      )}
    </>
  );
}
