import type { ComponentChildren } from 'preact';
import type { ApiError } from '../api/http.ts';
import { useI18n } from '../i18n/i18n.tsx';

export function Loading({ label }: { label?: string }) {
  const { t } = useI18n();
  return <p class="loading" role="status">{label ?? t('app.loading')}</p>;
}

/** The server's message when it has one (it is written for people), else a generic line. */
export function errorText(t: ReturnType<typeof useI18n>['t'], err: ApiError): string {
  if (err.code === 'NETWORK') return t('error.network');
  if (err.code === 'FORBIDDEN') return t('error.forbidden');
  return t('error.generic', { message: err.message });
}

export function ErrorState({ error, retry, children }: { error: ApiError; retry?: () => void; children?: ComponentChildren }) {
  const { t } = useI18n();
  return (
    <div class="error-state" role="alert">
      <p>{children ?? errorText(t, error)}</p>
      {retry && <button type="button" onClick={retry}>{t('error.retry')}</button>}
    </div>
  );
}
