/**
 * The virtual dash button `/b/<site>` (design §9, issue 5): big category buttons for staff
 * phones, the live status of what was reported from here, and feedback after the fix. It is
 * the fallback when buttons or the network are down: presses made offline are kept on the
 * phone and sent with their original time when the connection returns.
 */
import { useEffect, useState } from 'preact/hooks';
import { api } from '../../api/client.ts';
import type { ApiError } from '../../api/http.ts';
import type { VirtualButton } from '../../api/schemas.ts';
import { useI18n, useSiteLanguage } from '../../i18n/i18n.tsx';
import { useAnnounce } from '../../ui/announcer.tsx';
import { AppShell } from '../../ui/app-shell.tsx';
import { ErrorState, Loading } from '../../ui/states.tsx';
import { CategoryButtons } from './category-buttons.tsx';
import { ReportList } from './report-list.tsx';
import { useReports } from './use-reports.ts';

const cacheKey = (code: string) => `dash.button.${code}`;

function cached(code: string): VirtualButton | null {
  try {
    return JSON.parse(localStorage.getItem(cacheKey(code)) ?? 'null') as VirtualButton | null;
  } catch {
    return null;
  }
}

export function ButtonPage({ code }: { code: string }) {
  // The last known buttons, so the page works when it opens without a network.
  const [config, setConfig] = useState<VirtualButton | null>(() => cached(code));
  const [error, setError] = useState<ApiError | null>(null);
  useEffect(() => {
    api.virtualButton(code).then((c) => {
      setConfig(c);
      localStorage.setItem(cacheKey(code), JSON.stringify(c));
    }, (err: ApiError) => {
      if (err.code !== 'NETWORK' || !cached(code)) setError(err);
    });
  }, [code]);
  useSiteLanguage(config?.site.language);

  return (
    <AppShell>
      {error ? <ErrorState error={error} retry={() => location.reload()} />
        : !config ? <Loading /> : <Button config={config} />}
    </AppShell>
  );
}

function Button({ config }: { config: VirtualButton }) {
  const { t } = useI18n();
  const announce = useAnnounce();
  const { reports, tickets, offline, waiting, press, rate } = useReports(config.site.code, config.device?.id ?? null);
  const send = (button: number, category: string) => {
    press(button, category);
    announce(t('button.sent', { category }));
  };
  return (
    <div class="button-page">
      <h1>{t('button.title')}</h1>
      <p class="site-name"><bdi>{config.site.name}</bdi></p>
      {(offline || waiting > 0) && (
        <p class={offline ? 'banner banner-offline' : 'banner'} role="status">
          {offline ? t('button.offline', { count: waiting }) : t('button.sending', { count: waiting })}
        </p>
      )}
      {config.device && config.buttons.length > 0
        ? <><p class="muted">{t('button.intro')}</p><CategoryButtons buttons={config.buttons} onPress={send} /></>
        : <p class="banner">{t('button.noDevice')}</p>}
      <section aria-labelledby="reports-h" class="reports-section">
        <h2 id="reports-h">{t('button.yourReports')}</h2>
        <ReportList reports={reports} tickets={tickets} timeZone={config.site.timezone}
          onStillBroken={(r) => send(r.button, r.category)} onRate={rate} />
      </section>
    </div>
  );
}
