/**
 * One webhook's delivery log, newest first: event, status, attempts, the last response code
 * or error, the next retry; every attempt on request. Dead letters can be retried. Pages of
 * 20 with "Load more" (keyset cursor from the server).
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { ApiError } from '../../../api/http.ts';
import { integrations, type Notification, type Webhook } from '../../../api/integrations.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { useAnnounce } from '../../../ui/announcer.tsx';
import { ErrorState, errorText, Loading } from '../../../ui/states.tsx';

function Row({ n, onRetry }: { n: Notification; onRetry: (n: Notification) => void }) {
  const { t, dateTime } = useI18n();
  const last = n.deliveries[n.deliveries.length - 1];
  return (
    <tr data-id={n.id} data-status={n.status}>
      <td data-label={t('integrations.log.created')}>{dateTime(n.createdAt)}</td>
      <td data-label={t('integrations.log.event')}><code dir="ltr">{n.eventType}</code></td>
      <td data-label={t('integrations.log.status')}><span class={`badge badge-${n.status}`}>{t(`integrations.status.${n.status}`)}</span></td>
      <td data-label={t('integrations.log.attempts')}>{n.attempts}</td>
      <td data-label={t('integrations.log.response')} class="wrap-anywhere">
        {/* One element: on phones each row is a card and each child of a cell a grid item. */}
        <div>
          {last?.statusCode != null && <span class="response-code">{last.statusCode}</span>}
          {(last?.error ?? n.lastError) && <span class="muted"> <bdi>{last?.error ?? n.lastError}</bdi></span>}
          {n.deliveries.length > 0 && (
            <details>
              <summary>{t('integrations.log.allAttempts', { count: n.deliveries.length })}</summary>
              <ol class="delivery-attempts">
                {n.deliveries.map((a) => (
                  <li key={a.at}>
                    {dateTime(a.at)} · {a.ok ? t('integrations.log.ok') : t('integrations.log.failed')}
                    {a.statusCode != null && ` · ${a.statusCode}`}{a.durationMs != null && ` · ${a.durationMs} ms`}
                    {a.error && <> · <bdi>{a.error}</bdi></>}
                  </li>
                ))}
              </ol>
            </details>
          )}
        </div>
      </td>
      <td data-label={t('integrations.log.nextRetry')}>{n.status === 'pending' && n.nextAttemptAt ? dateTime(n.nextAttemptAt) : '—'}</td>
      <td>{n.status === 'dead' && <button type="button" onClick={() => onRetry(n)}>{t('integrations.log.retry')}</button>}</td>
    </tr>
  );
}

export function DeliveryLog({ webhook, refreshKey }: { webhook: Webhook; refreshKey: number }) {
  const { t } = useI18n();
  const announce = useAnnounce();
  const [items, setItems] = useState<Notification[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const load = useCallback(async () => {
    try {
      const page = await integrations.deliveries(webhook.id, null);
      setItems(page.items);
      setNext(page.nextCursor);
      setError(null);
    } catch (err) {
      setError(err as ApiError);
    }
  }, [webhook.id]);
  useEffect(() => void load(), [load, refreshKey]);

  async function more() {
    setLoadingMore(true);
    try {
      const page = await integrations.deliveries(webhook.id, next);
      setItems((cur) => [...(cur ?? []), ...page.items]);
      setNext(page.nextCursor);
    } catch (err) {
      announce(errorText(t, err as ApiError), 'error');
    } finally {
      setLoadingMore(false);
    }
  }
  async function retry(n: Notification) {
    try {
      const updated = await integrations.retry(n.id);
      setItems((cur) => cur?.map((x) => (x.id === n.id ? updated : x)) ?? null);
      announce(t('integrations.log.retried'));
    } catch (err) {
      announce(errorText(t, err as ApiError), 'error');
    }
  }

  return (
    <section class="panel integrations-section" aria-labelledby="delivery-log-title">
      <h2 id="delivery-log-title">{t('integrations.log.title', { name: webhook.name })}</h2>
      <div class="integrations-toolbar">
        <button type="button" onClick={() => void load()}>{t('integrations.log.refresh')}</button>
      </div>
      {error ? <ErrorState error={error} retry={() => void load()} /> : !items ? <Loading /> : items.length === 0 ? (
        <p class="empty">{t('integrations.log.empty')}</p>
      ) : (
        <div class="table-scroll">
          <table class="data-table entity-table delivery-log">
            <caption class="visually-hidden">{t('integrations.log.title', { name: webhook.name })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('integrations.log.created')}</th><th scope="col">{t('integrations.log.event')}</th>
                <th scope="col">{t('integrations.log.status')}</th><th scope="col">{t('integrations.log.attempts')}</th>
                <th scope="col">{t('integrations.log.response')}</th><th scope="col">{t('integrations.log.nextRetry')}</th>
                <th scope="col"><span class="visually-hidden">{t('integrations.actions')}</span></th>
              </tr>
            </thead>
            <tbody>{items.map((n) => <Row key={n.id} n={n} onRetry={(x) => void retry(x)} />)}</tbody>
          </table>
        </div>
      )}
      {next && <button type="button" disabled={loadingMore} onClick={() => void more()}>{t('integrations.log.more')}</button>}
    </section>
  );
}
