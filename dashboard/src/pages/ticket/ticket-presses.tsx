/** The presses that fed the ticket: when, which device and button, and what the press did. */
import type { Press } from '../../api/schemas.ts';
import { useI18n } from '../../i18n/i18n.tsx';

export function TicketPresses({ presses, timeZone }: { presses: Press[]; timeZone: string | undefined }) {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <div class="table-scroll">
      <table class="data-table">
        <thead>
          <tr>
            <th scope="col">{t('press.col.time')}</th><th scope="col">{t('press.col.device')}</th><th scope="col">{t('press.col.button')}</th>
            <th scope="col">{t('press.col.action')}</th><th scope="col">{t('press.col.outcome')}</th>
          </tr>
        </thead>
        <tbody>
          {presses.map((p) => (
            <tr key={p.id}>
              <td><time dateTime={p.pressedAt}>{i18n.dateTime(p.pressedAt, timeZone)}</time>{p.queued && <span class="muted"> ({t('press.queued')})</span>}</td>
              <td><bdi>{p.deviceId}</bdi></td>
              <td>{i18n.number(p.button)}</td>
              <td>{p.action}</td>
              <td>{p.outcome}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
