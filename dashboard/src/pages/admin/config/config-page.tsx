/**
 * `/admin/config`: the whole configuration as one JSON file. Download it; upload one to see
 * what it would change (a dry run), then import it for real: all or nothing, never deleting.
 */
import { useState } from 'preact/hooks';
import { ApiError } from '../../../api/http.ts';
import { integrations, type ImportAnswer } from '../../../api/integrations.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { useAnnounce } from '../../../ui/announcer.tsx';
import { errorText } from '../../../ui/states.tsx';
import { AdminLayout } from '../admin-layout.tsx';
import { ConfirmButton, Field } from '../ui/index.ts';
import '../webhooks/integrations.css';
import { NewCredentials } from './new-credentials.tsx';
import { PlanTable } from './plan-table.tsx';

type Loaded = { name: string; doc: unknown; dry: ImportAnswer };

export function ConfigPage() {
  const { t } = useI18n();
  const announce = useAnnounce();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ImportAnswer | null>(null);
  const failure = (err: unknown) => (err instanceof ApiError ? (err.code === 'VALIDATION' ? err.message : errorText(t, err)) : String(err));

  async function pick(file: File | undefined) {
    setLoaded(null);
    setResult(null);
    setError(null);
    if (!file) return;
    let doc: unknown;
    try {
      doc = JSON.parse(await file.text());
    } catch {
      setError(t('integrations.config.notJson', { name: file.name }));
      return;
    }
    setBusy(true);
    try {
      setLoaded({ name: file.name, doc, dry: await integrations.importConfig(doc, true) });
    } catch (err) {
      setError(failure(err));
    } finally {
      setBusy(false);
    }
  }
  async function apply() {
    if (!loaded) return;
    try {
      const answer = await integrations.importConfig(loaded.doc, false);
      setResult(answer);
      setLoaded(null);
      announce(t('integrations.config.imported'));
    } catch (err) {
      setError(failure(err));
    }
  }
  const changes = loaded ? Object.values(loaded.dry.plan.summary).reduce((n, c) => n + c.create + c.update, 0) : 0;

  return (
    <AdminLayout title={t('integrations.config.title')}>
      <div class="integrations-grid config-grid">
        <section class="panel" aria-labelledby="export-title">
          <h2 id="export-title">{t('integrations.config.exportTitle')}</h2>
          <p>{t('integrations.config.exportText')}</p>
          <a class="button-link" href="/api/config" download>{t('integrations.config.download')}</a>
        </section>
        <section class="panel" aria-labelledby="import-title">
          <h2 id="import-title">{t('integrations.config.importTitle')}</h2>
          <p>{t('integrations.config.importText')}</p>
          <Field label={t('integrations.config.file')} hint={t('integrations.config.fileHint')}>
            {(p) => <input {...p} type="file" accept="application/json,.json" disabled={busy} onChange={(e) => void pick(e.currentTarget.files?.[0])} />}
          </Field>
          {busy && <p role="status" class="muted">{t('integrations.config.checking')}</p>}
          {error && <p class="form-error" role="alert">{error}</p>}
        </section>
      </div>
      {loaded && (
        <section class="panel integrations-section" aria-labelledby="plan-title">
          <h2 id="plan-title">{t('integrations.config.planFor', { name: loaded.name })}</h2>
          <PlanTable plan={loaded.dry.plan} />
          <div class="form-buttons">
            <ConfirmButton
              danger={false} disabled={loaded.dry.plan.problems.length > 0 || changes === 0}
              question={t('integrations.config.confirm', { count: changes })} onConfirm={apply}
            >{t('integrations.config.import', { count: changes })}</ConfirmButton>
            <button type="button" onClick={() => setLoaded(null)}>{t('integrations.config.discard')}</button>
          </div>
        </section>
      )}
      {result && (
        <section class="panel integrations-section" aria-labelledby="result-title">
          <h2 id="result-title">{t('integrations.config.resultTitle')}</h2>
          <PlanTable plan={result.plan} />
          {result.credentials && <NewCredentials credentials={result.credentials} />}
        </section>
      )}
    </AdminLayout>
  );
}
