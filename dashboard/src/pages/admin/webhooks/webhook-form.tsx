/** Create or change a webhook: name, URL, the events it hears (all, or a list), on/off, an own secret on creation. */
import { useState } from 'preact/hooks';
import { NOTIFY_EVENT_TYPES } from '../../../../../server/src/notify/domain/event-types.ts';
import type { Webhook, WebhookBody } from '../../../api/integrations.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { CheckField, EditorPanel, errorFor, Field, MultiCheck, type FieldErrors } from '../ui/index.ts';

export type WebhookDraft = { id?: string; name: string; url: string; allEvents: boolean; events: string[]; enabled: boolean; secret: string };

export const newWebhook = (): WebhookDraft => ({ name: '', url: 'https://', allEvents: true, events: [], enabled: true, secret: '' });
export const webhookDraft = (w: Webhook): WebhookDraft => ({
  id: w.id, name: w.name, url: w.url, allEvents: w.events.includes('*'), events: w.events.filter((e) => e !== '*'), enabled: w.enabled, secret: '',
});

export function webhookBody(d: WebhookDraft): WebhookBody {
  return {
    name: d.name, url: d.url.trim(), events: d.allEvents ? ['*'] : d.events, enabled: d.enabled,
    ...(!d.id && d.secret.trim() && { secret: d.secret.trim() }),
  };
}

export function WebhookForm({ draft: initial, errors, saving, formError, onSave, onCancel }: {
  draft: WebhookDraft; errors: FieldErrors; saving: boolean; formError: string | null; onSave: (d: WebhookDraft) => void; onCancel: () => void;
}) {
  const { t } = useI18n();
  const [d, setD] = useState(initial);
  const set = (patch: Partial<WebhookDraft>) => setD((cur) => ({ ...cur, ...patch }));
  return (
    <EditorPanel
      title={d.id ? t('integrations.webhooks.edit', { name: initial.name }) : t('integrations.webhooks.new')}
      saving={saving} formError={formError} onSubmit={() => onSave(d)} onCancel={onCancel}
    >
      <Field label={t('integrations.webhooks.name')} error={errorFor(errors, 'name')}>
        {(p) => <input {...p} value={d.name} required maxLength={200} onInput={(e) => set({ name: e.currentTarget.value })} />}
      </Field>
      <Field label={t('integrations.webhooks.url')} error={errorFor(errors, 'url')} hint={t('integrations.webhooks.urlHint')} wide>
        {(p) => <input {...p} type="url" dir="ltr" value={d.url} required maxLength={2000} onInput={(e) => set({ url: e.currentTarget.value })} />}
      </Field>
      <CheckField label={t('integrations.webhooks.allEvents')} checked={d.allEvents} onChange={(allEvents) => set({ allEvents })} />
      {!d.allEvents && (
        <MultiCheck
          legend={t('integrations.webhooks.events')} hint={errorFor(errors, 'events')}
          options={NOTIFY_EVENT_TYPES.map((e) => ({ value: e, label: <code dir="ltr">{e}</code> }))}
          value={d.events} onChange={(events) => set({ events })}
        />
      )}
      <CheckField label={t('integrations.webhooks.enabled')} checked={d.enabled} onChange={(enabled) => set({ enabled })} />
      {!d.id && (
        <Field label={t('integrations.webhooks.secret')} error={errorFor(errors, 'secret')} hint={t('integrations.webhooks.secretHint')} wide>
          {(p) => <input {...p} dir="ltr" value={d.secret} autocomplete="off" spellcheck={false} maxLength={200} onInput={(e) => set({ secret: e.currentTarget.value })} />}
        </Field>
      )}
    </EditorPanel>
  );
}
