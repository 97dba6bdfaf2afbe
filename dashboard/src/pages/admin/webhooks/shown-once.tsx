/**
 * A secret the server shows once (a webhook's signing secret, an API token, new credentials):
 * in a box that says so, with a copy button. Text stays text (no innerHTML), left to right.
 */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { useI18n } from '../../../i18n/i18n.tsx';
import { useAnnounce } from '../../../ui/announcer.tsx';
import './integrations.css';

export function CopyButton({ value, label }: { value: string; label: string }) {
  const { t } = useI18n();
  const announce = useAnnounce();
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button" aria-label={label}
      onClick={async () => {
        try {
          await navigator.clipboard.writeText(value);
          setCopied(true);
          announce(t('integrations.copied'), 'quiet');
        } catch {
          announce(t('integrations.copyFailed'), 'error');
        }
      }}
    >{copied ? t('integrations.copiedShort') : t('integrations.copy')}</button>
  );
}

export function ShownOnce({ title, value, copyLabel, onDone, children }: {
  title: string; value: string; copyLabel: string; onDone: () => void; children?: ComponentChildren;
}) {
  const { t } = useI18n();
  return (
    <section class="panel shown-once" aria-labelledby="shown-once-title" role="region">
      <h2 id="shown-once-title">{title}</h2>
      <p class="shown-once-warning">{t('integrations.shownOnce')}</p>
      <div class="secret-row">
        <code class="secret-value" dir="ltr" data-testid="secret-value">{value}</code>
        <CopyButton value={value} label={copyLabel} />
      </div>
      {children}
      <div class="form-buttons">
        <button type="button" class="primary" onClick={onDone}>{t('integrations.savedIt')}</button>
      </div>
    </section>
  );
}

/** A block of code (a shell or JavaScript example) with its own copy button. */
export function CodeExample({ label, code }: { label: string; code: string }) {
  const { t } = useI18n();
  return (
    <figure class="code-example">
      <figcaption>{label}</figcaption>
      <pre dir="ltr"><code>{code}</code></pre>
      <CopyButton value={code} label={t('integrations.copyExample', { what: label })} />
    </figure>
  );
}
