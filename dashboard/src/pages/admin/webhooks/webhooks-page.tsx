/**
 * `/admin/webhooks`: notification channels and webhooks. Webhooks are listed, created (the
 * signing secret shown once), changed, tested and deleted; one webhook's delivery log opens
 * below. E-mail and SMS set-up is shown read-only.
 */
import { useCallback, useState } from 'preact/hooks';
import { integrations, type Webhook } from '../../../api/integrations.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { ErrorState, Loading } from '../../../ui/states.tsx';
import { AdminLayout } from '../admin-layout.tsx';
import { ConfirmButton, EntityTable, ListHeader, useEntityList, useSave } from '../ui/index.ts';
import { ChannelStatus } from './channel-status.tsx';
import { DeliveryLog } from './delivery-log.tsx';
import { ShownOnce } from './shown-once.tsx';
import { SigningHelp } from './signing-help.tsx';
import { newWebhook, webhookBody, webhookDraft, WebhookForm, type WebhookDraft } from './webhook-form.tsx';

export function WebhooksPage() {
  const { t } = useI18n();
  const list = useEntityList(useCallback(() => integrations.webhooks(), []));
  const save = useSave();
  const [editing, setEditing] = useState<WebhookDraft | null>(null);
  const [secret, setSecret] = useState<{ name: string; secret: string } | null>(null);
  const [logOf, setLogOf] = useState<string | null>(null);
  const [refreshKey, setRefreshKey] = useState(0);

  async function submit(d: WebhookDraft) {
    const body = webhookBody(d);
    const box: { created?: { name: string; secret: string } } = {};
    const ok = await save.run(async () => {
      if (d.id) await integrations.updateWebhook(d.id, body);
      else box.created = await integrations.createWebhook(body);
    }, t('integrations.webhooks.saved', { name: d.name }));
    if (!ok) return;
    setEditing(null);
    if (box.created) setSecret(box.created);
    await list.reload();
  }
  async function sendTest(w: Webhook) {
    if (await save.run(() => integrations.testWebhook(w.id), t('integrations.webhooks.testQueued', { name: w.name }))) {
      setLogOf(w.id);
      setRefreshKey((k) => k + 1);
    }
  }
  async function remove(w: Webhook) {
    if (await save.run(() => integrations.deleteWebhook(w.id), t('integrations.webhooks.deleted', { name: w.name }))) {
      if (logOf === w.id) setLogOf(null);
      await list.reload();
    }
  }
  const selected = list.data?.find((w) => w.id === logOf) ?? null;

  return (
    <AdminLayout title={t('integrations.webhooks.title')}>
      <p class="muted">{t('integrations.webhooks.intro')}</p>
      {secret && (
        <ShownOnce
          title={t('integrations.webhooks.secretTitle', { name: secret.name })} value={secret.secret}
          copyLabel={t('integrations.webhooks.copySecret')} onDone={() => setSecret(null)}
        >
          <p>{t('integrations.webhooks.secretUse')}</p>
        </ShownOnce>
      )}
      {save.formError && !editing && <p class="form-error" role="alert">{save.formError}</p>}
      {editing && (
        <WebhookForm
          key={editing.id ?? 'new'} draft={editing} errors={save.errors} saving={save.saving} formError={save.formError}
          onSave={(d) => void submit(d)} onCancel={() => {
            save.clear();
            setEditing(null);
          }}
        />
      )}
      {list.error ? <ErrorState error={list.error} retry={() => void list.reload()} /> : !list.data ? <Loading /> : (
        <>
          <ListHeader
            count={t('integrations.webhooks.count', { count: list.data.length })} newLabel={t('integrations.webhooks.new')}
            onNew={editing ? undefined : () => setEditing(newWebhook())}
          />
          <EntityTable<Webhook>
            caption={t('integrations.webhooks.title')} rows={list.data} empty={t('integrations.webhooks.empty')} current={editing?.id ?? logOf}
            columns={[
              { key: 'name', label: t('integrations.webhooks.name'), render: (w) => <bdi>{w.name}</bdi> },
              { key: 'url', label: t('integrations.webhooks.url'), render: (w) => <code class="wrap-anywhere" dir="ltr">{w.url}</code> },
              { key: 'events', label: t('integrations.webhooks.events'), render: (w) => (w.events.includes('*') ? t('integrations.webhooks.allEventsShort') : w.events.join(', ')) },
              {
                key: 'enabled', label: t('integrations.webhooks.state'),
                render: (w) => <span class={`badge ${w.enabled ? 'badge-on' : ''}`}>{w.enabled ? t('integrations.webhooks.on') : t('integrations.webhooks.off')}</span>,
              },
              { key: 'secret', label: t('integrations.webhooks.secretShort'), render: (w) => <code dir="ltr">{w.secretHint}</code> },
            ]}
            actions={(w) => (
              <div class="row-actions">
                <button type="button" onClick={() => setEditing(webhookDraft(w))}>{t('integrations.edit')}</button>
                <button type="button" onClick={() => void sendTest(w)}>{t('integrations.webhooks.test')}</button>
                <button type="button" aria-pressed={logOf === w.id} onClick={() => setLogOf(logOf === w.id ? null : w.id)}>{t('integrations.webhooks.log')}</button>
                <ConfirmButton question={t('integrations.webhooks.deleteQuestion', { name: w.name })} onConfirm={() => remove(w)}>{t('integrations.delete')}</ConfirmButton>
              </div>
            )}
          />
        </>
      )}
      {selected && <DeliveryLog webhook={selected} refreshKey={refreshKey} />}
      <div class="integrations-grid">
        <SigningHelp />
        <ChannelStatus />
      </div>
    </AdminLayout>
  );
}
