/**
 * `/devices/new` (admins): add a device, then show its credentials once. They live only in this
 * page's memory: a reload shows the empty form again, and the secret is gone for good. A virtual
 * button (the phone page) asks for no check-in interval and shows its phone page link instead.
 */
import { useState } from 'preact/hooks';
import { type Connection, type Credentials, DEVICE_KINDS, type DeviceKind, devicesApi } from '../../api/devices.ts';
import type { ApiError } from '../../api/http.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { AppShell } from '../../ui/app-shell.tsx';
import { ErrorState, errorText, Loading } from '../../ui/states.tsx';
import { useReference } from '../board/use-reference.ts';
import { CredentialsPanel } from './credentials-panel.tsx';
import { VirtualResult } from './virtual-result.tsx';
import './devices.css';

type Created = { id: string; siteId: string; kind: DeviceKind; buttonCount: number; heartbeatS: number; credentials: Credentials; connection: Connection };
const DEFAULT_HEARTBEAT_MIN: Record<Exclude<DeviceKind, 'virtual'>, number> = { esp32: 360, pi: 60, other: 60 };

export function ProvisionPage() {
  const { t } = useI18n();
  const { reference, error: refError } = useReference(false);
  const [form, setForm] = useState({ id: '', name: '', siteId: '', kind: 'esp32' as DeviceKind, buttonCount: 1, heartbeatMin: '' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [created, setCreated] = useState<Created | null>(null);
  if (refError) return <AppShell><ErrorState error={refError} /></AppShell>;
  if (!reference) return <AppShell><Loading /></AppShell>;
  const sites = [...reference.sites.values()].sort((a, b) => a.name.localeCompare(b.name));
  const set = <K extends keyof typeof form>(key: K, value: (typeof form)[K]) => setForm((f) => ({ ...f, [key]: value }));

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const heartbeatS = form.kind !== 'virtual' && form.heartbeatMin ? Math.round(Number(form.heartbeatMin) * 60) : undefined;
      const answer = await devicesApi.provision({
        ...(form.id.trim() && { id: form.id.trim() }), name: form.name, siteId: form.siteId || sites[0]?.id || '', kind: form.kind,
        buttonCount: form.buttonCount, ...(heartbeatS && { heartbeatS }),
      });
      const { device } = answer;
      setCreated({ id: device.id, siteId: device.siteId, kind: device.kind, buttonCount: device.buttonCount, heartbeatS: device.heartbeatS, credentials: answer.credentials, connection: answer.connection });
    } catch (err) {
      setError(err as ApiError);
    } finally {
      setBusy(false);
    }
  };

  return (
    <AppShell>
      <p class="back"><a href="/devices">{t('devices.back')}</a></p>
      <h1>{t('devices.provision.title')}</h1>
      {created?.kind === 'virtual' ? (
        <VirtualResult deviceId={created.id} siteCode={reference.sites.get(created.siteId)?.code ?? ''} siteName={reference.sites.get(created.siteId)?.name ?? ''} />
      ) : created ? (
        <>
          <CredentialsPanel credentials={created.credentials} connection={created.connection} kind={created.kind} buttonCount={created.buttonCount} heartbeatS={created.heartbeatS} />
          <p class="form-buttons"><a class="button-link" href={`/devices/${encodeURIComponent(created.id)}`}>{t('devices.provision.done')}</a></p>
        </>
      ) : (
        <form class="panel device-form" onSubmit={submit}>
          <label for="device-name">{t('devices.provision.name')}</label>
          <input id="device-name" required maxLength={200} value={form.name} onInput={(e) => set('name', e.currentTarget.value)} />
          <label for="device-id">{t('devices.provision.id')}</label>
          <input id="device-id" pattern="[a-z0-9\-]{3,64}" value={form.id} onInput={(e) => set('id', e.currentTarget.value)} aria-describedby="device-id-hint" dir="ltr" />
          <p id="device-id-hint" class="muted hint">{t('devices.provision.idHint')}</p>
          <label for="device-site">{t('devices.provision.site')}</label>
          <select id="device-site" required value={form.siteId || sites[0]?.id} onChange={(e) => set('siteId', e.currentTarget.value)}>
            {sites.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
          </select>
          <fieldset class="kind-choice">
            <legend>{t('devices.provision.kind')}</legend>
            {DEVICE_KINDS.map((k) => (
              <label key={k} class="check">
                <input type="radio" name="kind" value={k} checked={form.kind === k} onChange={() => set('kind', k)} />
                {t(`devices.kind.${k}`)} <span class="muted">{t(`devices.kindHint.${k}`)}</span>
              </label>
            ))}
          </fieldset>
          <label for="device-buttons">{t('devices.provision.buttons')}</label>
          <input id="device-buttons" type="number" min={1} max={16} required value={form.buttonCount} onInput={(e) => set('buttonCount', Number(e.currentTarget.value))} />
          {form.kind !== 'virtual' && (
            <>
              <label for="device-heartbeat">{t('devices.provision.heartbeat')}</label>
              <input id="device-heartbeat" type="number" min={1} max={10080} placeholder={String(DEFAULT_HEARTBEAT_MIN[form.kind])} value={form.heartbeatMin}
                onInput={(e) => set('heartbeatMin', e.currentTarget.value)} aria-describedby="device-heartbeat-hint" />
              <p id="device-heartbeat-hint" class="muted hint">{t('devices.provision.heartbeatHint')}</p>
            </>
          )}
          {error && <p class="form-error" role="alert">{errorText(t, error)}</p>}
          <div class="form-buttons"><button type="submit" class="primary" disabled={busy || sites.length === 0}>{t('devices.provision.submit')}</button></div>
          {sites.length === 0 && <p class="muted">{t('devices.provision.noSites')}</p>}
        </form>
      )}
    </AppShell>
  );
}
