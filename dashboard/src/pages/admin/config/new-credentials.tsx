/** Secrets made by an import (new devices, people and webhooks), shown this once with copy buttons. */
import type { ImportAnswer } from '../../../api/integrations.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { CopyButton } from '../webhooks/shown-once.tsx';

type Credentials = NonNullable<ImportAnswer['credentials']>;

export function NewCredentials({ credentials: c }: { credentials: Credentials }) {
  const { t } = useI18n();
  const rows = [
    ...c.devices.map((d) => ({ kind: t('integrations.config.deviceSecret'), who: d.id, secret: d.password })),
    ...c.users.map((u) => ({ kind: t('integrations.config.temporaryPassword'), who: u.email, secret: u.temporaryPassword })),
    ...c.webhooks.map((w) => ({ kind: t('integrations.config.webhookSecret'), who: w.name, secret: w.secret })),
  ];
  if (!rows.length) return null;
  return (
    <div class="shown-once panel">
      <h3>{t('integrations.config.newSecrets')}</h3>
      <p class="shown-once-warning">{t('integrations.shownOnce')}</p>
      <p>{t('integrations.config.newSecretsText')}</p>
      <div class="table-scroll">
        <table class="data-table entity-table new-secrets">
          <caption class="visually-hidden">{t('integrations.config.newSecrets')}</caption>
          <thead><tr><th scope="col">{t('integrations.config.kind')}</th><th scope="col">{t('integrations.config.key')}</th><th scope="col">{t('integrations.config.secret')}</th><th scope="col" /></tr></thead>
          <tbody>
            {rows.map((r) => (
              <tr key={`${r.kind}:${r.who}`}>
                <td data-label={t('integrations.config.kind')}>{r.kind}</td>
                <td data-label={t('integrations.config.key')}><bdi>{r.who}</bdi></td>
                <td data-label={t('integrations.config.secret')}><code dir="ltr" class="wrap-anywhere">{r.secret}</code></td>
                <td><CopyButton value={r.secret} label={t('integrations.config.copyFor', { who: r.who })} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
