/**
 * The site status board `/status/<site>?t=<secret>` (issue 5, part 6): no login, for the
 * branch's staff. What IT knows about their site, each incident in three plain states
 * (Reported, IT is on it, Fixed), opened times in the site's zone. It asks again every 15 s
 * (the event stream needs a login) and keeps the last answer while the network is away.
 */
import { useEffect, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { api } from '../../api/client.ts';
import type { ApiError } from '../../api/http.ts';
import type { Incident, SiteStatus } from '../../api/schemas.ts';
import { useI18n, useSiteLanguage } from '../../i18n/i18n.tsx';
import { AppShell } from '../../ui/app-shell.tsx';
import { ErrorState, Loading } from '../../ui/states.tsx';
import { incidentState, REFRESH_MS } from './incident-state.ts';

const STATE_SYMBOL = { reported: '●', working: '◐', fixed: '✓' } as const;

export function StatusPage({ code }: { code: string }) {
  const { query } = useLocation();
  const token = query.t ?? '';
  const [status, setStatus] = useState<SiteStatus | null>(null);
  const [updatedAt, setUpdatedAt] = useState<number | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let stopped = false;
    const load = () => {
      api.siteStatus(code, token).then((s) => {
        if (stopped) return;
        setStatus(s);
        setUpdatedAt(Date.now());
        setError(null);
      }, (err: ApiError) => {
        if (!stopped) setError(err);
      });
    };
    load();
    const timer = setInterval(load, REFRESH_MS);
    window.addEventListener('online', load);
    return () => {
      stopped = true;
      clearInterval(timer);
      window.removeEventListener('online', load);
    };
  }, [code, token, attempt]);
  useSiteLanguage(status?.site.language);

  // A replaced link stops working even on an open page.
  const gone = error?.code === 'NOT_FOUND';
  return (
    <AppShell>
      <div class="status-page">
        {gone ? <LinkNotFound />
          : status ? <Board status={status} updatedAt={updatedAt} stale={error !== null} />
            : error ? <ErrorState error={error} retry={() => setAttempt((n) => n + 1)} />
              : <Loading />}
      </div>
    </AppShell>
  );
}

function LinkNotFound() {
  const { t } = useI18n();
  return (
    <>
      <h1>{t('status.notFoundTitle')}</h1>
      <p class="banner" role="alert">{t('status.notFound')}</p>
    </>
  );
}

function Board({ status, updatedAt, stale }: { status: SiteStatus; updatedAt: number | null; stale: boolean }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { site, incidents } = status;
  return (
    <>
      <h1>{t('status.title')}</h1>
      <p class="site-name"><bdi>{site.name}</bdi></p>
      {stale && <p class="banner banner-offline" role="status">{t('status.stale')}</p>}
      <section aria-labelledby="incidents-h" class="reports-section">
        <h2 id="incidents-h">{t('status.incidents')}</h2>
        {/* Polite: a state that changes on a refresh is read out, the rest stays quiet. */}
        <div aria-live="polite">
          {incidents.length === 0
            ? <p class="banner status-empty">{t('status.none')}</p>
            : <ul class="reports incidents">{incidents.map((i) => <IncidentItem key={i.number} incident={i} timeZone={site.timezone} />)}</ul>}
        </div>
      </section>
      {updatedAt !== null && <p class="muted status-updated">{t('status.updated', { time: i18n.time(updatedAt, site.timezone) })}</p>}
    </>
  );
}

function IncidentItem({ incident, timeZone }: { incident: Incident; timeZone: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const state = incidentState(incident.status);
  return (
    <li class={`report incident incident-${state}`} data-number={incident.number}>
      <p class="report-head">
        <strong><bdi>{incident.category}</bdi></strong>
        <span class="muted">{t('status.opened', { time: i18n.dateTime(incident.openedAt, timeZone) })}</span>
        <span class="muted">{t('report.ticket', { number: incident.number })}</span>
      </p>
      <p class="report-state incident-state">
        <span aria-hidden="true" class="incident-symbol">{STATE_SYMBOL[state]}</span>{' '}
        <span class="incident-state-text">{t(`status.state.${state}`)}</span>
      </p>
    </li>
  );
}
