/**
 * "A P2 opened now at Kraków would be due …": GET /api/sla/preview for a site, category and
 * priority, asked again (debounced) when any of them or the saved policies change, and shown
 * in the site's time zone.
 */
import { useEffect, useState } from 'preact/hooks';
import { admin, type AdminCategory, type AdminSite, type SlaPreview as Preview } from '../../../api/admin.ts';
import { ApiError } from '../../../api/http.ts';
import { PRIORITIES, type Priority } from '../../../api/schemas.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { errorText } from '../../../ui/states.tsx';
import { Field } from '../ui/index.ts';

const DEBOUNCE_MS = 300;

export function SlaPreview({ sites, categories, version }: { sites: AdminSite[]; categories: AdminCategory[]; version: unknown }) {
  const { t, dateTime } = useI18n();
  const [siteId, setSiteId] = useState(sites[0]?.id ?? '');
  const [categoryId, setCategoryId] = useState(categories.find((c) => !c.builtIn)?.id ?? categories[0]?.id ?? '');
  const [priority, setPriority] = useState<Priority>('P2');
  const [answer, setAnswer] = useState<Preview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const site = sites.find((s) => s.id === siteId);

  useEffect(() => {
    if (!siteId || !categoryId) return undefined;
    let current = true;
    setBusy(true);
    const timer = setTimeout(() => {
      admin.slaPreview({ siteId, categoryId, priority }).then(
        (a) => current && (setAnswer(a), setError(null)),
        (err: unknown) => current && (setAnswer(null), setError(err instanceof ApiError ? errorText(t, err) : String(err))),
      ).finally(() => current && setBusy(false));
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [siteId, categoryId, priority, version]);

  if (!sites.length || !categories.length) return <section class="panel sla-preview"><p class="muted">{t('admin.sla.previewNeedsSite')}</p></section>;
  const zone = site?.timezone;
  const due = (iso: string | null) => (iso ? dateTime(iso, zone) : t('admin.sla.never'));
  return (
    <section class="panel sla-preview" aria-labelledby="sla-preview-title">
      <h2 id="sla-preview-title">{t('admin.sla.preview')}</h2>
      <div class="preview-controls">
        <Field label={t('admin.sla.previewSite')}>
          {(p) => <select {...p} value={siteId} onChange={(e) => setSiteId(e.currentTarget.value)}>{sites.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}</select>}
        </Field>
        <Field label={t('admin.sla.previewCategory')}>
          {(p) => <select {...p} value={categoryId} onChange={(e) => setCategoryId(e.currentTarget.value)}>{categories.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}</select>}
        </Field>
        <Field label={t('admin.sla.priority')}>
          {(p) => <select {...p} value={priority} onChange={(e) => setPriority(e.currentTarget.value as Priority)}>{PRIORITIES.map((x) => <option key={x} value={x}>{x} · {t(`priority.${x}`)}</option>)}</select>}
        </Field>
      </div>
      <div class="preview-result" aria-live="polite" aria-busy={busy}>
        {error ? <p class="form-error">{error}</p> : !answer ? <p class="muted">{t('app.loading')}</p> : (
          <>
            <p class="preview-sentence">
              {t('admin.sla.previewSentence', { priority: answer.priority, site: site?.name ?? '', zone: zone ?? '' })}
            </p>
            {answer.policy ? (
              <dl class="facts">
                <div><dt>{t('admin.sla.response')}</dt><dd class="preview-response"><strong>{due(answer.responseDueAt)}</strong></dd></div>
                <div><dt>{t('admin.sla.resolution')}</dt><dd class="preview-resolution"><strong>{due(answer.resolutionDueAt)}</strong></dd></div>
                <div><dt>{t('admin.sla.matchedPolicy')}</dt><dd><bdi>{answer.policy.name}</bdi></dd></div>
                {answer.calendar && <div><dt>{t('admin.sla.calendar')}</dt><dd><bdi>{answer.calendar.name}</bdi>{!answer.calendar.name.includes(answer.calendar.timezone) && ` (${answer.calendar.timezone})`}</dd></div>}
              </dl>
            ) : <p class="preview-none">{t('admin.sla.noPolicy')}</p>}
          </>
        )}
      </div>
    </section>
  );
}
