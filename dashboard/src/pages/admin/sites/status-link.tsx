/**
 * The site's status board link (`/status/<code>?t=…`, site-status.ts): made or replaced here,
 * shown once with a copy button (the server keeps no readable copy), or removed.
 */
import { useState } from 'preact/hooks';
import { admin } from '../../../api/admin.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { useAnnounce } from '../../../ui/announcer.tsx';
import { ConfirmButton, useSave } from '../ui/index.ts';

export function StatusLink({ siteId }: { siteId: string }) {
  const { t } = useI18n();
  const announce = useAnnounce();
  const { saving, formError, run } = useSave();
  const [url, setUrl] = useState<string | null>(null);

  const make = () => run(async () => {
    const answer = await admin.makeStatusLink(siteId);
    setUrl(new URL(answer.url, location.origin).toString());
  }, t('admin.statusLink.made'));
  const remove = () => run(async () => {
    await admin.removeStatusLink(siteId);
    setUrl(null);
  }, t('admin.statusLink.removed'));
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url!);
      announce(t('admin.statusLink.copied'));
    } catch {
      // No clipboard (plain HTTP): select the text so Ctrl+C copies it.
      (document.getElementById(`status-url-${siteId}`) as HTMLInputElement | null)?.select();
      announce(t('admin.statusLink.selectToCopy'));
    }
  };
  return (
    <fieldset class="field-wide rows-fieldset status-link">
      <legend>{t('admin.statusLink.title')}</legend>
      <p class="field-hint">{t('admin.statusLink.hint')}</p>
      {formError && <p class="form-error" role="alert">{formError}</p>}
      {url && (
        <div class="status-link-url">
          <label for={`status-url-${siteId}`}>{t('statusLink.share')}</label>
          <div class="inline-controls">
            <input id={`status-url-${siteId}`} readOnly value={url} dir="ltr" onFocus={(e) => e.currentTarget.select()} />
            <button type="button" onClick={() => void copy()}>{t('admin.statusLink.copy')}</button>
          </div>
          <p class="field-hint">{t('admin.statusLink.once')}</p>
        </div>
      )}
      <div class="inline-controls">
        <button type="button" disabled={saving} onClick={() => void make()}>{t('admin.statusLink.make')}</button>
        <ConfirmButton question={t('admin.statusLink.removeQuestion')} onConfirm={remove} disabled={saving}>{t('admin.statusLink.remove')}</ConfirmButton>
      </div>
    </fieldset>
  );
}
