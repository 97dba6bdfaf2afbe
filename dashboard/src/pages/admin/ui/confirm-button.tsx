/**
 * A button that asks before it acts: the first press shows "Really …?" with Yes and No in
 * place (no browser dialog); Escape or No steps back. Focus moves to the question and back.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { useI18n } from '../../../i18n/i18n.tsx';

export function ConfirmButton({ children, question, onConfirm, disabled = false, danger = true }: {
  children: ComponentChildren;
  /** e.g. "Delete the site Kraków?" */
  question: string;
  onConfirm: () => void | Promise<unknown>;
  disabled?: boolean;
  danger?: boolean;
}) {
  const { t } = useI18n();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const yes = useRef<HTMLButtonElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const wasAsking = useRef(false);
  useEffect(() => {
    if (asking) yes.current?.focus();
    else if (wasAsking.current) trigger.current?.focus();
    wasAsking.current = asking;
  }, [asking]);

  if (!asking) {
    return <button type="button" ref={trigger} class={danger ? 'danger' : undefined} disabled={disabled} onClick={() => setAsking(true)}>{children}</button>;
  }
  return (
    <span class="confirm" role="group" aria-label={question} onKeyDown={(e) => e.key === 'Escape' && setAsking(false)}>
      <span class="confirm-question">{question}</span>
      <button
        type="button" ref={yes} class={danger ? 'danger' : 'primary'} disabled={busy}
        onClick={async () => {
          setBusy(true);
          try {
            await onConfirm();
          } finally {
            setBusy(false);
            setAsking(false);
          }
        }}
      >{t('admin.confirm.yes')}</button>
      <button type="button" onClick={() => setAsking(false)}>{t('admin.confirm.no')}</button>
    </span>
  );
}
