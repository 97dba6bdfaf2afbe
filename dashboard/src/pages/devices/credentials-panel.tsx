/**
 * New credentials, shown once (after provisioning or a rotation): the secret, where to connect,
 * a config snippet for the device's firmware with a copy button, and the same as a QR code.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Connection, Credentials, DeviceKind } from '../../api/devices.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ESP32_MAX_BUTTONS, PI_MAX_BUTTONS, snippetFor } from './config-snippets.ts';
import { CopyButton } from './copy-button.tsx';
import { QrCode } from './qr-code.tsx';

type Props = { credentials: Credentials; connection: Connection; kind: DeviceKind; buttonCount: number; heartbeatS: number; className?: string };

export function CredentialsPanel({ credentials, connection, kind, buttonCount, heartbeatS, className }: Props) {
  const { t } = useI18n();
  const [ssid, setSsid] = useState('');
  const [wifiPassword, setWifiPassword] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [credentials.password]); // new credentials: take the reader to them
  const snippet = snippetFor({
    deviceId: credentials.username, secret: credentials.password, kind, buttonCount, heartbeatS, connection,
    ...(ssid && { wifi: { ssid, password: wifiPassword } }),
  });
  const max = kind === 'esp32' ? ESP32_MAX_BUTTONS : kind === 'pi' ? PI_MAX_BUTTONS : null;
  return (
    <section class={`panel credentials${className ? ` ${className}` : ''}`} aria-labelledby="credentials-title">
      <h2 id="credentials-title" tabIndex={-1} ref={heading}>{t('devices.credentials.title')}</h2>
      <p class="once-warning" role="alert"><strong>{t('devices.credentials.once')}</strong></p>
      <dl class="facts">
        <div><dt>{t('devices.credentials.deviceId')}</dt><dd><code>{credentials.username}</code></dd></div>
        <div>
          <dt>{t('devices.credentials.secret')}</dt>
          <dd class="secret-line"><code id="device-secret" data-testid="device-secret">{credentials.password}</code>
            <CopyButton text={credentials.password} targetId="device-secret" label={t('devices.credentials.copySecret')} /></dd>
        </div>
        <div>
          <dt>{t('devices.credentials.broker')}</dt>
          <dd>{connection.mqtt.length === 0 ? t('devices.credentials.noBroker')
            : <ul class="plain-list">{connection.mqtt.map((m) => <li key={m.url}><code>{m.url}</code></li>)}</ul>}</dd>
        </div>
        {connection.websocket && <div><dt>{t('devices.credentials.websocket')}</dt><dd><code>{connection.websocket}</code></dd></div>}
      </dl>
      {kind === 'esp32' && (
        <fieldset class="wifi-fields">
          <legend>{t('devices.credentials.wifi')}</legend>
          <label>{t('devices.credentials.wifiName')}<input value={ssid} onInput={(e) => setSsid(e.currentTarget.value)} autocomplete="off" /></label>
          <label>{t('devices.credentials.wifiPassword')}<input value={wifiPassword} onInput={(e) => setWifiPassword(e.currentTarget.value)} autocomplete="off" /></label>
        </fieldset>
      )}
      <div class="snippet-block">
        <div class="snippet">
          <h3>{t(`devices.snippet.${snippet.format}`)}</h3>
          <p class="muted">{t(`devices.snippet.${snippet.format}Hint`)}</p>
          {max !== null && buttonCount > max && <p class="form-error">{t('devices.snippet.tooManyButtons', { max })}</p>}
          <pre id="config-snippet" data-testid="config-snippet" dir="ltr"><code>{snippet.text}</code></pre>
          <CopyButton text={snippet.text} targetId="config-snippet" label={t('devices.snippet.copy')} />
        </div>
        <figure class="qr-figure">
          <QrCode text={snippet.text} label={t('devices.qr.label')} />
          <figcaption class="muted">{t('devices.qr.caption')}</figcaption>
        </figure>
      </div>
    </section>
  );
}
