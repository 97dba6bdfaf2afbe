/** Copies a text; without the Clipboard API (plain http on the LAN) it selects the text for Ctrl+C instead. */
import { useState } from 'preact/hooks';
import { useI18n } from '../../i18n/i18n.tsx';

export function CopyButton({ text, targetId, label }: { text: string; targetId: string; label: string }) {
  const { t } = useI18n();
  const [done, setDone] = useState<'copied' | 'selected' | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setDone('copied');
    } catch {
      const target = document.getElementById(targetId);
      if (target) window.getSelection()?.selectAllChildren(target);
      setDone('selected');
    }
  };
  return (
    <span class="copy">
      <button type="button" onClick={() => void copy()} aria-label={label}>{t('devices.copy')}</button>
      <span role="status" class="muted">{done === 'copied' ? t('devices.copied') : done === 'selected' ? t('devices.selectedForCopy') : ''}</span>
    </span>
  );
}
