/**
 * `/devices/import` (admins): devices from a CSV file or pasted text. "Check" asks the server
 * to validate every row without creating anything; "Import" creates the good rows and reports
 * the others; the new credentials can be downloaded once as CSV.
 */
import { useEffect, useState } from 'preact/hooks';
import { devicesApi, type ImportAnswer } from '../../api/devices.ts';
import type { ApiError } from '../../api/http.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { AppShell } from '../../ui/app-shell.tsx';
import { errorText } from '../../ui/states.tsx';
import { credentialsCsv } from './credentials-csv.ts';
import './devices.css';

const EXAMPLE = 'id,name,site,kind,buttons,heartbeat_s,button0,button1\ntill-1,Till 1,waw-1,esp32,2,21600,printer,till\n';

export function ImportPage() {
  const { t } = useI18n();
  const [csv, setCsv] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [answer, setAnswer] = useState<ImportAnswer | null>(null);
  const [download, setDownload] = useState<string | null>(null);
  useEffect(() => () => {
    if (download) URL.revokeObjectURL(download);
  }, [download]);

  const send = async (dryRun: boolean) => {
    setBusy(true);
    setError(null);
    try {
      const result = await devicesApi.importCsv(csv, dryRun);
      setAnswer(result);
      setDownload(!dryRun && result.created > 0 ? URL.createObjectURL(new Blob([credentialsCsv(result.rows, result.connection)], { type: 'text/csv' })) : null);
    } catch (err) {
      setError(err as ApiError);
      setAnswer(null);
    } finally {
      setBusy(false);
    }
  };
  const readFile = async (file: File | undefined) => {
    if (!file) return;
    setCsv(await file.text());
    setAnswer(null);
  };
  const done = answer && !answer.dryRun;

  return (
    <AppShell wide>
      <p class="back"><a href="/devices">{t('devices.back')}</a></p>
      <h1>{t('devices.importPage.title')}</h1>
      <p class="muted">{t('devices.importPage.columns')}</p>
      <pre class="example" dir="ltr"><code>{EXAMPLE}</code></pre>
      {!done && (
        <form class="panel import-form" onSubmit={(e) => { e.preventDefault(); void send(false); }}>
          <label for="import-file">{t('devices.importPage.file')}</label>
          <input id="import-file" type="file" accept=".csv,text/csv,text/plain" onChange={(e) => void readFile(e.currentTarget.files?.[0])} />
          <label for="import-text">{t('devices.importPage.paste')}</label>
          <textarea id="import-text" rows={8} dir="ltr" spellcheck={false} value={csv} onInput={(e) => { setCsv(e.currentTarget.value); setAnswer(null); }} />
          {error && <p class="form-error" role="alert">{errorText(t, error)}</p>}
          <div class="form-buttons">
            <button type="button" disabled={busy || !csv.trim()} onClick={() => void send(true)}>{t('devices.importPage.check')}</button>
            <button type="submit" class="primary" disabled={busy || !csv.trim()}>{t('devices.importPage.submit')}</button>
          </div>
        </form>
      )}
      {answer && (
        <section class="panel" aria-labelledby="import-result-title">
          <h2 id="import-result-title">{answer.dryRun ? t('devices.importPage.preview') : t('devices.importPage.result')}</h2>
          <p role="status">{answer.dryRun
            ? t('devices.importPage.previewSummary', { ok: answer.rows.filter((r) => r.ok).length, failed: answer.failed })
            : t('devices.importPage.resultSummary', { created: answer.created, failed: answer.failed })}</p>
          {done && answer.created > 0 && (
            <p class="once-warning">
              <strong>{t('devices.importPage.once')}</strong>{' '}
              {download && <a class="button-link" href={download} download="dash-device-credentials.csv">{t('devices.importPage.download')}</a>}
            </p>
          )}
          <div class="table-scroll">
            <table class="data-table import-table">
              <thead>
                <tr>
                  <th scope="col">{t('devices.importPage.row')}</th><th scope="col">{t('devices.importPage.outcome')}</th>
                  <th scope="col">{t('devices.col.device')}</th><th scope="col">{t('devices.importPage.site')}</th>
                  <th scope="col">{t('devices.importPage.detail')}</th>
                </tr>
              </thead>
              <tbody>
                {answer.rows.map((r) => (
                  <tr key={r.row} class={r.ok ? undefined : 'row-failed'} data-row={r.row}>
                    <td>{r.row}</td>
                    <td>{r.ok ? (answer.dryRun ? t('devices.importPage.ready') : t('devices.importPage.created')) : t('devices.importPage.failed')}</td>
                    <td><bdi>{r.name ?? '—'}</bdi>{r.deviceId && <> <code>{r.deviceId}</code></>}</td>
                    <td><bdi>{r.site ?? '—'}</bdi></td>
                    <td>{r.error ? <bdi>{r.error}</bdi> : r.secret ? <code class="secret-cell">{r.secret}</code> : ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {done && <p><a href="/devices">{t('devices.importPage.toFleet')}</a></p>}
        </section>
      )}
    </AppShell>
  );
}
