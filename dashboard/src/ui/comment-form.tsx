import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { api } from '../api/client.ts';
import type { ApiError } from '../api/http.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { useAnnounce } from './announcer.tsx';
import { errorText } from './states.tsx';

/** A comment on a ticket's timeline. Escape or Close gives focus back to whatever opened it. */
export function CommentForm({ number, id, onClose, onAdded, autoFocus = true }: {
  number: string; id: string; onClose?: () => void; onAdded?: () => void; autoFocus?: boolean;
}) {
  const { t } = useI18n();
  const announce = useAnnounce();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const field = useRef<HTMLTextAreaElement>(null);
  useLayoutEffect(() => {
    if (autoFocus) field.current?.focus();
  }, [autoFocus]);

  async function submit(e: Event) {
    e.preventDefault();
    if (!text.trim()) return;
    setBusy(true);
    try {
      await api.comment(number, text.trim());
      setText('');
      announce(t('comment.added', { number }));
      onAdded?.();
      onClose?.();
    } catch (err) {
      announce(t('action.failed', { number, message: errorText(t, err as ApiError) }), 'error');
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="comment-form" id={id} onSubmit={submit} onKeyDown={(e) => e.key === 'Escape' && onClose?.()}>
      <label for={`${id}-text`}>{t('comment.label', { number })}</label>
      <textarea id={`${id}-text`} ref={field} rows={2} required maxLength={10_000} value={text} onInput={(e) => setText(e.currentTarget.value)} />
      <div class="form-buttons">
        <button type="submit" class="primary" disabled={busy || !text.trim()}>{t('comment.submit')}</button>
        {onClose && <button type="button" onClick={onClose}>{t('comment.cancel')}</button>}
      </div>
    </form>
  );
}
