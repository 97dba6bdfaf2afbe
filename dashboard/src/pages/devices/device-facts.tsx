/** Small pieces the fleet and the device page share: presence, battery, signal, a site's clock time, the phone page link. */
import type { Device } from '../../api/devices.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { batteryOf, type Presence, signalBars } from './fleet-health.ts';

const PRESENCE_SYMBOL: Record<Presence, string> = { ready: '●', sleeping: '☾', lost: '✕', never: '○', virtual: '▭' };

export function PresenceBadge({ presence }: { presence: Presence }) {
  const { t } = useI18n();
  return <span class={`presence presence-${presence}`}><span aria-hidden="true">{PRESENCE_SYMBOL[presence]}</span> {t(`devices.presence.${presence}`)}</span>;
}

export function BatteryFact({ device }: { device: Pick<Device, 'batteryPct' | 'batteryDaysLeft' | 'kind'> }) {
  const { t, number } = useI18n();
  if (device.kind === 'virtual') return <span class="muted">—</span>;
  if (device.batteryPct === null) return <span class="muted">{device.kind === 'esp32' ? t('devices.battery.unknown') : t('devices.battery.mains')}</span>;
  const level = batteryOf(device);
  return (
    <span class={`battery battery-${level}`}>
      <span class="battery-pct">{level !== 'ok' && <span aria-hidden="true">⚠ </span>}{number(device.batteryPct / 100, { style: 'percent' })}</span>
      <span class="battery-days muted">
        {device.batteryDaysLeft === null ? t('devices.battery.noEstimate') : t('devices.battery.daysLeft', { days: Math.floor(device.batteryDaysLeft) })}
      </span>
    </span>
  );
}

export function SignalFact({ rssi }: { rssi: number | null }) {
  const { t, number } = useI18n();
  const bars = signalBars(rssi);
  if (bars === null || rssi === null) return <span class="muted">—</span>;
  return (
    <span class="signal" title={t('devices.signal.bars', { bars })}>
      <svg class="signal-bars" viewBox="0 0 20 16" aria-hidden="true">
        {[0, 1, 2, 3].map((i) => <rect key={i} x={i * 5} y={12 - i * 4} width="4" height={4 + i * 4} class={i < bars ? 'on' : 'off'} />)}
      </svg>
      <span>{t('devices.signal.dbm', { rssi: number(rssi) })}</span>
      <span class="visually-hidden">{t('devices.signal.bars', { bars })}</span>
    </span>
  );
}

/** The zone's short name in the reader's language (`UTC`, `GMT+1`), so times of sites in different zones are not mixed up. */
function zoneName(locale: string, timeZone: string | undefined, at: Date): string {
  try {
    return new Intl.DateTimeFormat(locale, { timeZoneName: 'short', ...(timeZone && { timeZone }) }).formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? '';
  } catch {
    return timeZone ?? '';
  }
}

/** A clock time in the site's zone, always with that zone named (the title gives the zone's full id). */
export function SiteTime({ iso, timeZone }: { iso: string; timeZone: string | undefined }) {
  const i18n = useI18n();
  const zone = zoneName(i18n.locale, timeZone, new Date(iso));
  return <span class="site-time" title={timeZone ?? zone}>{i18n.dateTime(iso, timeZone)} <span class="zone">{zone}</span></span>;
}

/** Where a virtual button is used: the site's phone page (it has no presence: it never connects over MQTT). */
export function PhonePageLink({ siteCode }: { siteCode: string | undefined }) {
  const { t } = useI18n();
  if (!siteCode) return null;
  return <span class="device-sub">{t('devices.virtual.usedAt')} <a href={`/b/${encodeURIComponent(siteCode)}`} dir="ltr">/b/{siteCode}</a></span>;
}
