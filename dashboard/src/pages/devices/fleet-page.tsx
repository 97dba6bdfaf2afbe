/**
 * `/devices`: the fleet and its health, most urgent first. Filters (site, needs attention) are
 * kept in the URL; on a phone each row becomes a card.
 */
import { useLocation } from 'preact-iso';
import type { Device } from '../../api/devices.ts';
import type { User } from '../../api/schemas.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { AppShell } from '../../ui/app-shell.tsx';
import { ErrorState, Loading } from '../../ui/states.tsx';
import { useNow } from '../../ui/use-now.ts';
import { type Reference, useReference } from '../board/use-reference.ts';
import { BatteryFact, PhonePageLink, PresenceBadge, SignalFact, SiteTime } from './device-facts.tsx';
import { attentionOf, byAttention, presenceOf } from './fleet-health.ts';
import { useDevices } from './use-devices.ts';
import './devices.css';

export function FleetPage({ me }: { me: User }) {
  const { t } = useI18n();
  const { query, route } = useLocation();
  const { devices, error, reload } = useDevices();
  const { reference, error: refError } = useReference(false);
  const now = useNow();
  const site = query.site ?? '';
  const attention = query.attention === '1';
  const setFilters = (next: { site: string; attention: boolean }) => {
    const search = new URLSearchParams({ ...(next.site && { site: next.site }), ...(next.attention && { attention: '1' }) }).toString();
    route(`/devices${search ? `?${search}` : ''}`, true);
  };
  const failure = error ?? refError;
  if (failure) return <AppShell wide><ErrorState error={failure} retry={reload} /></AppShell>;
  if (!devices || !reference) return <AppShell wide><Loading /></AppShell>;

  const siteId = [...reference.sites.values()].find((s) => s.code === site)?.id;
  const shown = byAttention(devices.filter((d) => (!site || d.siteId === siteId) && (!attention || attentionOf(d, now).length > 0)), now);
  const needing = devices.filter((d) => attentionOf(d, now).length > 0).length;
  return (
    <AppShell wide>
      <div class="page-head">
        <h1>{t('devices.title')}</h1>
        {me.role === 'admin' && (
          <div class="page-actions">
            <a class="button-link" href="/devices/new">{t('devices.add')}</a>
            <a class="button-link secondary" href="/devices/import">{t('devices.import')}</a>
          </div>
        )}
      </div>
      <p class="board-summary" aria-live="polite">{t('devices.summary', { total: devices.length, attention: needing })}</p>
      <form class="filters" role="search" aria-label={t('devices.filters')} onSubmit={(e) => e.preventDefault()}>
        <div class="filter">
          <label for="device-site">{t('devices.filter.site')}</label>
          <select id="device-site" value={site} onChange={(e) => setFilters({ site: e.currentTarget.value, attention })}>
            <option value="">{t('devices.filter.allSites')}</option>
            {[...reference.sites.values()].sort((a, b) => a.name.localeCompare(b.name)).map((s) => <option key={s.id} value={s.code}>{s.name}</option>)}
          </select>
        </div>
        <label class="check filter-check">
          <input type="checkbox" checked={attention} onChange={(e) => setFilters({ site, attention: e.currentTarget.checked })} />
          {t('devices.filter.attention')}
        </label>
      </form>
      {shown.length === 0
        ? <p class="empty">{devices.length === 0 ? t('devices.empty') : t('devices.noneMatch')}</p>
        : <FleetTable devices={shown} reference={reference} now={now} />}
    </AppShell>
  );
}

function FleetTable({ devices, reference, now }: { devices: Device[]; reference: Reference; now: number }) {
  const i18n = useI18n();
  const { t, number } = i18n;
  return (
    <table class="fleet-table">
      <caption class="visually-hidden">{t('devices.title')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('devices.col.device')}</th>
          <th scope="col">{t('devices.col.state')}</th>
          <th scope="col">{t('devices.col.lastSeen')}</th>
          <th scope="col">{t('devices.col.battery')}</th>
          <th scope="col">{t('devices.col.signal')}</th>
          <th scope="col">{t('devices.col.firmware')}</th>
          <th scope="col">{t('devices.col.buttons')}</th>
          <th scope="col">{t('devices.col.backlog')}</th>
        </tr>
      </thead>
      <tbody>
        {devices.map((d) => {
          const site = reference.sites.get(d.siteId);
          const reasons = attentionOf(d, now);
          const mapped = d.buttons.filter((b) => b.button < d.buttonCount).length;
          return (
            <tr key={d.id} class={reasons.includes('lost') ? 'row-lost' : reasons.length ? 'row-attention' : undefined} data-device={d.id}>
              <th scope="row" class="device-cell">
                <a href={`/devices/${encodeURIComponent(d.id)}`}><bdi>{d.name}</bdi></a>
                <span class="muted device-sub"><code>{d.id}</code> · <bdi>{site?.name ?? '—'}</bdi> · {t(`devices.kind.${d.kind}`)}</span>
                {d.disabled && <span class="tag">{t('devices.disabled')}</span>}
                {reasons.length > 0 && (
                  <span class="reasons">{reasons.map((r) => <span key={r} class={`tag tag-${r}`}>{t(`devices.attention.${r}`)}</span>)}</span>
                )}
              </th>
              <td data-label={t('devices.col.state')}>
                <span><PresenceBadge presence={presenceOf(d, now)} />{d.kind === 'virtual' && <PhonePageLink siteCode={site?.code} />}</span>
              </td>
              <td data-label={t('devices.col.lastSeen')}>
                {d.kind === 'virtual' ? <span class="muted">—</span>
                  : d.lastSeenAt ? <time dateTime={d.lastSeenAt}>{i18n.ago(d.lastSeenAt, now)}
                    <span class="muted device-sub"><SiteTime iso={d.lastSeenAt} timeZone={site?.timezone} /></span></time>
                    : <span class="muted">{t('devices.neverSeen')}</span>}
              </td>
              <td data-label={t('devices.col.battery')}><BatteryFact device={d} /></td>
              <td data-label={t('devices.col.signal')}><SignalFact rssi={d.rssi} /></td>
              <td data-label={t('devices.col.firmware')}>{d.fw ? <bdi>{d.fw}</bdi> : <span class="muted">—</span>}</td>
              <td data-label={t('devices.col.buttons')}>
                {d.unmapped ? <span class="tag tag-unmapped">{t('devices.unmappedCount', { unmapped: d.buttonCount - mapped, total: d.buttonCount })}</span>
                  : t('devices.buttonsMapped', { total: d.buttonCount })}
              </td>
              <td data-label={t('devices.col.backlog')}>{d.pending === null ? <span class="muted">—</span> : number(d.pending)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
