/**
 * E-mail and SMS are set up by the server's environment (SMTP_URL, SMS_URL_TEMPLATE), which
 * the API does not expose. What the page can show, read-only, is the latest delivery of each
 * channel: sent, or dead with the error naming the missing setting.
 */
import { useEffect, useState } from 'preact/hooks';
import { integrations, type Notification } from '../../../api/integrations.ts';
import { useI18n } from '../../../i18n/i18n.tsx';

type Latest = Notification | null | 'error';

function ChannelRow({ channel, setting, latest }: { channel: string; setting: string; latest: Latest | undefined }) {
  const { t, dateTime } = useI18n();
  let state: string;
  if (latest === undefined) state = t('app.loading');
  else if (latest === 'error') state = t('integrations.channels.unknown');
  else if (latest === null) state = t('integrations.channels.none');
  else if (latest.status === 'sent') state = t('integrations.channels.lastSent', { at: dateTime(latest.sentAt ?? latest.createdAt) });
  else if (latest.status === 'dead') state = t('integrations.channels.lastDead', { error: latest.lastError ?? '' });
  else state = t('integrations.channels.lastPending');
  return (
    <div>
      <dt>{channel} <code dir="ltr">{setting}</code></dt>
      <dd data-channel={setting}>{state}</dd>
    </div>
  );
}

export function ChannelStatus() {
  const { t } = useI18n();
  const [email, setEmail] = useState<Latest>();
  const [sms, setSms] = useState<Latest>();
  useEffect(() => {
    integrations.latestOf('email').then(setEmail, () => setEmail('error'));
    integrations.latestOf('sms').then(setSms, () => setSms('error'));
  }, []);
  return (
    <section class="panel" aria-labelledby="channels-title">
      <h2 id="channels-title">{t('integrations.channels.title')}</h2>
      <p class="muted">{t('integrations.channels.intro')}</p>
      <dl class="facts">
        <ChannelRow channel={t('integrations.channels.email')} setting="SMTP_URL" latest={email} />
        <ChannelRow channel={t('integrations.channels.sms')} setting="SMS_URL_TEMPLATE" latest={sms} />
      </dl>
    </section>
  );
}
