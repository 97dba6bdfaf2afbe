/**
 * "A P2 opened now at Kraków would be due …", shown in the site's time zone. With the saved
 * policies: GET /api/sla/preview; while a policy is being edited: POST /api/sla-policies/preview
 * with the draft, so the deadline follows the targets as they are typed (debounced).
 */
import { useEffect, useState } from 'preact/hooks';
import { admin, type AdminCategory, type AdminSite, type PreviewProbe, type SlaPreview as Preview } from '../../../api/admin.ts';
import { ApiError } from '../../../api/http.ts';
import { PRIORITIES, type Priority } from '../../../api/schemas.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { errorText } from '../../../ui/states.tsx';
import { Field } from '../ui/index.ts';

const DEBOUNCE_MS = 300;

export type Probe = PreviewProbe & { priority: Priority };
export const firstProbe = (sites: AdminSite[], categories: AdminCategory[]): Probe =>
  ({ siteId: sites[0]?.id ?? '', categoryId: categories.find((c) => !c.builtIn)?.id ?? categories[0]?.id ?? '', priority: 'P2' });

export function SlaPreview({ sites, categories, probe, onProbe, version, draft }: {
  sites: AdminSite[]; categories: AdminCategory[]; probe: Probe; onProbe: (p: Probe) => void;
  /** Asks again when this changes (the saved policies were reloaded). */
  version: unknown;
  /** The policy being edited: the preview is of it, unsaved. */
  draft?: { id?: string | undefined; policy: object };
}) {
  const { t, dateTime } = useI18n();
  const [answer, setAnswer] = useState<Preview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const site = sites.find((s) => s.id === probe.siteId);
  const draftKey = draft ? JSON.stringify(draft) : '';

  useEffect(() => {
    if (!probe.siteId || !probe.categoryId) return undefined;
    let current = true;
    setBusy(true);
    const timer = setTimeout(() => {
      (draft ? admin.slaDraftPreview(probe, draft) : admin.slaPreview(probe)).then(
        (a) => current && (setAnswer(a), setError(null)),
        (err: unknown) => {
          if (!current) return;
          setAnswer(null);
          setError(err instanceof ApiError && err.code === 'VALIDATION' ? t('admin.sla.previewInvalid') : err instanceof ApiError ? errorText(t, err) : String(err));
        },
      ).finally(() => current && setBusy(false));
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [probe.siteId, probe.categoryId, probe.priority, version, draftKey]);

  if (!sites.length || !categories.length) return <section class="panel sla-preview"><p class="muted">{t('admin.sla.previewNeedsSite')}</p></section>;
  const zone = site?.timezone;
  const due = (iso: string | null) => (iso ? dateTime(iso, zone) : t('admin.sla.never'));
  return (
    <section class={`panel sla-preview${draft ? ' sla-preview-draft' : ''}`} aria-labelledby="sla-preview-title">
      <h2 id="sla-preview-title">{draft ? t('admin.sla.previewDraft') : t('admin.sla.preview')}</h2>
      <div class="preview-controls">
        <Field label={t('admin.sla.previewSite')}>
          {(p) => <select {...p} value={probe.siteId} onChange={(e) => onProbe({ ...probe, siteId: e.currentTarget.value })}>{sites.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}</select>}
        </Field>
        <Field label={t('admin.sla.previewCategory')}>
          {(p) => <select {...p} value={probe.categoryId} onChange={(e) => onProbe({ ...probe, categoryId: e.currentTarget.value })}>{categories.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}</select>}
        </Field>
        <Field label={t('admin.sla.priority')}>
          {(p) => (
            <select {...p} value={probe.priority} onChange={(e) => onProbe({ ...probe, priority: e.currentTarget.value as Priority })}>
              {PRIORITIES.map((x) => <option key={x} value={x}>{x} · {t(`priority.${x}`)}</option>)}
            </select>
          )}
        </Field>
      </div>
      <div class="preview-result" aria-live="polite" aria-busy={busy}>
        {error ? <p class="preview-error">{error}</p> : !answer ? <p class="muted">{t('app.loading')}</p> : (
          <>
            <p class="preview-sentence">{t('admin.sla.previewSentence', { priority: answer.priority, site: site?.name ?? '', zone: zone ?? '' })}</p>
            {answer.policy ? (
              <dl class="facts">
                <div><dt>{t('admin.sla.response')}</dt><dd class="preview-response"><strong>{due(answer.responseDueAt)}</strong></dd></div>
                <div><dt>{t('admin.sla.resolution')}</dt><dd class="preview-resolution"><strong>{due(answer.resolutionDueAt)}</strong></dd></div>
                <div><dt>{t('admin.sla.matchedPolicy')}</dt><dd class="preview-policy"><bdi>{answer.policy.name}</bdi></dd></div>
                {answer.calendar && (
                  <div><dt>{t('admin.sla.calendar')}</dt><dd><bdi>{answer.calendar.name}</bdi>{!answer.calendar.name.includes(answer.calendar.timezone) && ` (${answer.calendar.timezone})`}</dd></div>
                )}
              </dl>
            ) : <p class="preview-none">{t('admin.sla.noPolicy')}</p>}
          </>
        )}
      </div>
    </section>
  );
}
