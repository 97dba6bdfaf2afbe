/** `/devices/:id`: one device's health and telemetry, its buttons on a picture of it, and (admins) its admin. */
import { useEffect, useState } from 'preact/hooks';
import { type Device, devicesApi } from '../../api/devices.ts';
import { listen } from '../../api/events.ts';
import type { ApiError } from '../../api/http.ts';
import type { User } from '../../api/schemas.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { AppShell } from '../../ui/app-shell.tsx';
import { ErrorState, Loading } from '../../ui/states.tsx';
import { useNow } from '../../ui/use-now.ts';
import { useReference } from '../board/use-reference.ts';
import { ButtonMapping } from './button-mapping.tsx';
import { CredentialsPanel } from './credentials-panel.tsx';
import { DeviceAdmin, type FreshCredentials } from './device-admin.tsx';
import { BatteryFact, PhonePageLink, PresenceBadge, SignalFact, SiteTime } from './device-facts.tsx';
import { attentionOf, presenceOf } from './fleet-health.ts';
import './devices.css';

export function DevicePage({ id, me }: { id: string; me: User }) {
  const i18n = useI18n();
  const { t, number } = i18n;
  const [device, setDevice] = useState<Device | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [fresh, setFresh] = useState<FreshCredentials | null>(null);
  const { reference, error: refError } = useReference(false);
  const now = useNow();
  const load = () => devicesApi.get(id).then(setDevice, setError);
  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), 15_000);
    const stop = listen({ device: (ids) => ids.includes(id) && void load(), resync: () => void load() });
    return () => {
      clearInterval(timer);
      stop();
    };
  }, [id]);
  const failure = error ?? refError;
  if (failure) return <AppShell wide><p class="back"><a href="/devices">{t('devices.back')}</a></p><ErrorState error={failure} retry={() => void load()} /></AppShell>;
  if (!device || !reference) return <AppShell wide><Loading /></AppShell>;

  const site = reference.sites.get(device.siteId);
  const tz = site?.timezone;
  const when = (iso: string | null) => (iso ? <>{i18n.ago(iso, now)} · <SiteTime iso={iso} timeZone={tz} /></> : null);
  const virtual = device.kind === 'virtual'; // the phone page: never connects over MQTT, so no presence, battery or signal
  const reasons = attentionOf(device, now);
  const rows: [string, preact.ComponentChild | null][] = [
    [t('devices.col.state'), <><PresenceBadge presence={presenceOf(device, now)} />{virtual && <PhonePageLink siteCode={site?.code} />}</>],
    [t('devices.col.lastSeen'), virtual ? null : when(device.lastSeenAt) ?? t('devices.neverSeen')],
    [t('devices.col.battery'), virtual ? null : <BatteryFact device={device} />],
    [t('devices.detail.batteryMv'), device.batteryMv === null ? null : t('devices.detail.mv', { mv: number(device.batteryMv) })],
    [t('devices.col.signal'), virtual ? null : <SignalFact rssi={device.rssi} />],
    [t('devices.col.firmware'), device.fw ? <bdi>{device.fw}</bdi> : null],
    [t('devices.detail.uptime'), device.uptimeS === null ? null : i18n.duration(device.uptimeS * 1000)],
    [t('devices.col.backlog'), device.pending === null ? null : number(device.pending)],
    [t('devices.detail.heartbeat'), virtual ? null : i18n.duration(device.heartbeatS * 1000)],
    [t('devices.detail.telemetryAt'), when(device.telemetryAt)],
  ];
  return (
    <AppShell wide>
      <p class="back"><a href="/devices">{t('devices.back')}</a></p>
      <header class="device-header">
        <h1><bdi>{device.name}</bdi></h1>
        <p class="muted"><code>{device.id}</code> · <bdi>{site?.name ?? '—'}</bdi> · {t(`devices.kind.${device.kind}`)}
          {device.disabled && <span class="tag">{t('devices.disabled')}</span>}</p>
        {reasons.length > 0 && <p class="reasons">{reasons.map((r) => <span key={r} class={`tag tag-${r}`}>{t(`devices.attention.${r}`)}</span>)}</p>}
      </header>
      <div class="device-columns">
        <section class="panel" aria-labelledby="device-buttons-title">
          <h2 id="device-buttons-title">{t('devices.detail.buttons')}</h2>
          <ButtonMapping device={device} categories={reference.categories} editable={me.role === 'admin'} onChange={setDevice} />
        </section>
        <div class="device-side">
          <section class="panel" aria-labelledby="device-health-title">
            <h2 id="device-health-title">{t('devices.detail.health')}</h2>
            <dl class="facts">
              {rows.filter(([, v]) => v !== null).map(([k, v]) => <div key={k}><dt>{k}</dt><dd>{v}</dd></div>)}
            </dl>
            {device.extra && Object.keys(device.extra).length > 0 && (
              <>
                <h3>{t('devices.detail.extra')}</h3>
                <dl class="facts">
                  {Object.entries(device.extra).map(([k, v]) => <div key={k}><dt><bdi>{k}</bdi></dt><dd><bdi>{typeof v === 'string' ? v : JSON.stringify(v)}</bdi></dd></div>)}
                </dl>
              </>
            )}
          </section>
          {me.role === 'admin' && <DeviceAdmin device={device} onChange={setDevice} onRotated={setFresh} />}
        </div>
      </div>
      {fresh && (
        <CredentialsPanel {...fresh} kind={device.kind} buttonCount={device.buttonCount} heartbeatS={device.heartbeatS} className="device-page-credentials" />
      )}
    </AppShell>
  );
}
