/**
 * Admin actions on one device: new secret (shown once), disable or enable, delete. A device with
 * recorded presses cannot be deleted (their history would go): the page offers Disable and says why.
 */
import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { type Connection, type Credentials, type Device, devicesApi } from '../../api/devices.ts';
import type { ApiError } from '../../api/http.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useAnnounce } from '../../ui/announcer.tsx';
import { errorText } from '../../ui/states.tsx';

type Asking = 'rotate' | 'delete' | null;

export type FreshCredentials = { credentials: Credentials; connection: Connection };

/** `onRotated`: the page shows the new credentials (once) where there is room for them. */
export function DeviceAdmin({ device, onChange, onRotated }: { device: Device; onChange(d: Device): void; onRotated(fresh: FreshCredentials): void }) {
  const { t } = useI18n();
  const announce = useAnnounce();
  const { route } = useLocation();
  const [asking, setAsking] = useState<Asking>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (err) {
      setError(err as ApiError);
    } finally {
      setBusy(false);
      setAsking(null);
    }
  };
  const rotate = () => run(async () => onRotated(await devicesApi.rotateSecret(device.id)));
  const toggle = () => run(async () => {
    onChange(await devicesApi.patch(device.id, { disabled: !device.disabled }));
    announce(t(device.disabled ? 'devices.admin.enabled' : 'devices.admin.disabledNow'));
  });
  const remove = () => run(async () => {
    try {
      await devicesApi.remove(device.id);
    } catch (err) {
      // A press recorded since the page loaded: say it plainly and show Disable instead.
      if ((err as ApiError).code === 'CONFLICT') onChange({ ...device, hasPresses: true });
      throw err;
    }
    announce(t('devices.admin.deleted', { name: device.name }));
    route('/devices');
  });
  const rotateNeeded = device.kind !== 'virtual'; // a phone page has no secret to use
  const confirm = (question: string, action: () => Promise<void>) => (
    <span class="confirm" role="group" aria-label={question}>
      <span>{question}</span>
      <button type="button" class="danger" disabled={busy} onClick={() => void action()}>{t('devices.yes')}</button>
      <button type="button" disabled={busy} onClick={() => setAsking(null)}>{t('devices.no')}</button>
    </span>
  );
  return (
    <section class="panel" aria-labelledby="device-admin-title">
      <h2 id="device-admin-title">{t('devices.admin.title')}</h2>
      <div class="admin-actions">
        {rotateNeeded && (asking === 'rotate' ? confirm(t('devices.admin.rotateQuestion'), rotate)
          : <button type="button" onClick={() => setAsking('rotate')} disabled={busy}>{t('devices.admin.rotate')}</button>)}
        <button type="button" onClick={() => void toggle()} disabled={busy}>{device.disabled ? t('devices.admin.enable') : t('devices.admin.disable')}</button>
        {!device.hasPresses && (asking === 'delete' ? confirm(t('devices.admin.deleteQuestion', { name: device.name }), remove)
          : <button type="button" class="danger" onClick={() => setAsking('delete')} disabled={busy}>{t('devices.admin.delete')}</button>)}
      </div>
      <p class="muted">{device.hasPresses ? t('devices.admin.keepHistory') : t('devices.admin.deleteHint')}</p>
      {error && <p class="form-error" role="alert">{error.code === 'CONFLICT' ? t('devices.admin.deleteConflict') : errorText(t, error)}</p>}
    </section>
  );
}
