/**
 * Short messages about what just happened ("INC-000012 acknowledged", "New ticket …"): shown
 * as toasts and read out by screen readers through live regions (errors assertively).
 */
import { createContext, type ComponentChildren } from 'preact';
import { useCallback, useContext, useMemo, useRef, useState } from 'preact/hooks';
import { useI18n } from '../i18n/i18n.tsx';

/** `quiet`: read out by screen readers only; the change is already visible on the page. */
type Kind = 'info' | 'error' | 'quiet';
type Toast = { id: number; text: string; kind: Kind };
type Announce = (text: string, kind?: Kind) => void;

const AnnouncerContext = createContext<Announce>(() => {});
const VISIBLE_MS = 6000;

export function AnnouncerProvider({ children }: { children: ComponentChildren }) {
  const { t } = useI18n();
  const [toasts, setToasts] = useState<Toast[]>([]);
  const next = useRef(1);
  const dismiss = useCallback((id: number) => setToasts((all) => all.filter((x) => x.id !== id)), []);
  const announce = useCallback<Announce>((text, kind = 'info') => {
    const id = next.current++;
    setToasts((all) => [...all.slice(-3), { id, text, kind }]);
    if (kind !== 'error') setTimeout(() => dismiss(id), VISIBLE_MS);
  }, [dismiss]);
  const value = useMemo(() => announce, [announce]);
  return (
    <AnnouncerContext.Provider value={value}>
      {children}
      <div class="visually-hidden" role="status" aria-live="polite">
        {toasts.filter((x) => x.kind === 'quiet').map((x) => <p key={x.id}>{x.text}</p>)}
      </div>
      <div class="toasts">
        <div role="status" aria-live="polite">
          {toasts.filter((x) => x.kind === 'info').map((x) => <p key={x.id} class="toast">{x.text}</p>)}
        </div>
        <div role="alert">
          {toasts.filter((x) => x.kind === 'error').map((x) => (
            <p key={x.id} class="toast toast-error">
              <span>{x.text}</span>
              <button type="button" class="link-button" onClick={() => dismiss(x.id)}>{t('comment.cancel')}</button>
            </p>
          ))}
        </div>
      </div>
    </AnnouncerContext.Provider>
  );
}

export const useAnnounce = () => useContext(AnnouncerContext);
