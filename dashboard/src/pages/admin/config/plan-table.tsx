/** The plan of an import: counts per kind of entry, problems, and each entry that would change. */
import { useState } from 'preact/hooks';
import type { ImportPlan } from '../../../api/integrations.ts';
import type { MessageKey } from '../../../i18n/catalogues.ts';
import { useI18n } from '../../../i18n/i18n.tsx';

export const SECTION_LABELS: Record<string, MessageKey> = {
  calendars: 'integrations.config.calendars', teams: 'integrations.config.teams', categories: 'integrations.config.categories',
  sites: 'integrations.config.sites', users: 'integrations.config.users', slaPolicies: 'integrations.config.slaPolicies',
  devices: 'integrations.config.devices', webhooks: 'integrations.config.webhooks',
};

export function PlanTable({ plan }: { plan: ImportPlan }) {
  const { t } = useI18n();
  const [all, setAll] = useState(false);
  // Only the kinds the document has entries of.
  const sections = Object.keys(plan.sections).filter((s) => plan.sections[s]!.length > 0);
  const rows = sections.flatMap((s) => plan.sections[s]!.filter((e) => all || e.action !== 'unchanged').map((e) => ({ section: s, ...e })));
  return (
    <div class="import-plan">
      <ul class="plan-summary" aria-label={t('integrations.config.summary')}>
        {sections.map((s) => {
          const c = plan.summary[s]!;
          return (
            <li key={s} data-section={s}>
              <strong>{t(SECTION_LABELS[s] ?? 'integrations.config.other')}</strong>{' '}
              {t('integrations.config.counts', { create: c.create, update: c.update, unchanged: c.unchanged })}
            </li>
          );
        })}
      </ul>
      {plan.problems.length > 0 && (
        <div class="problems" role="alert">
          <p><strong>{t('integrations.config.problems', { count: plan.problems.length })}</strong></p>
          <ul>{plan.problems.map((p) => <li key={p.path}><code dir="ltr">{p.path}</code>: <bdi>{p.message}</bdi></li>)}</ul>
        </div>
      )}
      <label class="check-option">
        <input type="checkbox" checked={all} onChange={(e) => setAll(e.currentTarget.checked)} />
        <span>{t('integrations.config.showUnchanged')}</span>
      </label>
      {rows.length === 0 ? <p class="empty">{t('integrations.config.nothingToDo')}</p> : (
        <div class="table-scroll">
          <table class="data-table entity-table plan-table">
            <caption class="visually-hidden">{t('integrations.config.planTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('integrations.config.kind')}</th><th scope="col">{t('integrations.config.key')}</th>
                <th scope="col">{t('integrations.config.action')}</th><th scope="col">{t('integrations.config.changes')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={`${r.section}:${r.key}`} data-action={r.action}>
                  <td data-label={t('integrations.config.kind')}>{t(SECTION_LABELS[r.section] ?? 'integrations.config.other')}</td>
                  <td data-label={t('integrations.config.key')}><bdi>{r.key}</bdi></td>
                  <td data-label={t('integrations.config.action')}><span class={`badge badge-${r.action}`}>{t(`integrations.config.${r.action}`)}</span></td>
                  <td data-label={t('integrations.config.changes')}><code dir="ltr">{r.changes.join(', ')}</code></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
