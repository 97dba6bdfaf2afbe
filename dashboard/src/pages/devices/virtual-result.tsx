/**
 * What a new virtual button is for: staff open the site's phone page `/b/<site code>` (a link to
 * copy and a QR code of that link); its buttons are mapped next on the device page. A virtual
 * device never connects over MQTT, so no secret or broker address is shown.
 */
import { useEffect, useRef } from 'preact/hooks';
import { useI18n } from '../../i18n/i18n.tsx';
import { CopyButton } from './copy-button.tsx';
import { QrCode } from './qr-code.tsx';

export function VirtualResult({ deviceId, siteCode, siteName }: { deviceId: string; siteCode: string; siteName: string }) {
  const { t } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [deviceId]);
  const link = `${location.origin}/b/${encodeURIComponent(siteCode)}`;
  return (
    <section class="panel credentials" aria-labelledby="virtual-title">
      <h2 id="virtual-title" tabIndex={-1} ref={heading}>{t('devices.virtual.title')}</h2>
      <p>{t('devices.virtual.how', { site: siteName })}</p>
      <div class="snippet-block">
        <div>
          <p class="secret-line"><a id="virtual-link" data-testid="virtual-link" href={link} dir="ltr">{link}</a>
            <CopyButton text={link} targetId="virtual-link" label={t('devices.virtual.copyLink')} /></p>
          <h3>{t('devices.virtual.nextTitle')}</h3>
          <p>{t('devices.virtual.next')}</p>
          <p><a class="button-link" href={`/devices/${encodeURIComponent(deviceId)}`}>{t('devices.virtual.mapButtons')}</a></p>
        </div>
        <figure class="qr-figure">
          <QrCode text={link} label={t('devices.virtual.qrLabel')} />
          <figcaption class="muted">{t('devices.virtual.qrCaption')}</figcaption>
        </figure>
      </div>
    </section>
  );
}
