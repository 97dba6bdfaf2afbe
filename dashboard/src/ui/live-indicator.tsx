import { useEffect, useState } from 'preact/hooks';
import { listen, type LiveStatus } from '../api/events.ts';
import { useI18n } from '../i18n/i18n.tsx';

/** Whether live updates are flowing; a board that silently stopped updating would be worse than none. */
export function LiveIndicator() {
  const { t } = useI18n();
  const [status, setStatus] = useState<LiveStatus>('connecting');
  useEffect(() => listen({ status: setStatus }), []);
  return (
    <span class={`live live-${status}`} role="status">
      <span class="live-dot" aria-hidden="true" />
      {t(`live.${status}`)}
    </span>
  );
}
