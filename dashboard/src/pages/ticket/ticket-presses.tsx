/** The presses that fed the ticket: when, which device and button, and what the press did. */
import type { Press } from '../../api/schemas.ts';
import type { MessageKey } from '../../i18n/catalogues.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { DeviceLabel } from './device-label.tsx';

const ACTIONS = new Set(['single', 'double', 'hold']);
const OUTCOMES = new Set(['created', 'merged', 'duplicate', 'reopened', 'cancelled', 'rejected']);
const REASONS = new Set(['rate_limited', 'no_open_ticket', 'invalid_payload']);

export function TicketPresses({ presses, devices, timeZone }: { presses: Press[]; devices: ReadonlyMap<string, string>; timeZone: string | undefined }) {
  const i18n = useI18n();
  const { t } = i18n;
  // Known values in the reader's language; anything newer than this page stays as sent.
  const word = (prefix: string, known: Set<string>, value: string) => (known.has(value) ? t(`${prefix}.${value}` as MessageKey) : value);
  return (
    <div class="table-scroll">
      <table class="data-table stacked">
        <thead>
          <tr>
            <th scope="col">{t('press.col.time')}</th><th scope="col">{t('press.col.device')}</th><th scope="col">{t('press.col.button')}</th>
            <th scope="col">{t('press.col.action')}</th><th scope="col">{t('press.col.outcome')}</th>
          </tr>
        </thead>
        <tbody>
          {presses.map((p) => (
            <tr key={p.id}>
              <td data-label={t('press.col.time')}><span><time dateTime={p.pressedAt}>{i18n.dateTime(p.pressedAt, timeZone)}</time>{p.queued && <span class="muted"> ({t('press.queued')})</span>}</span></td>
              <td data-label={t('press.col.device')}><DeviceLabel id={p.deviceId} names={devices} /></td>
              <td data-label={t('press.col.button')}>{i18n.number(p.button)}</td>
              <td data-label={t('press.col.action')}>{word('press.action', ACTIONS, p.action)}</td>
              <td data-label={t('press.col.outcome')}>
                <span>
                  {word('press.outcome', OUTCOMES, p.outcome)}
                  {p.reason && <span class="muted"> ({word('press.reason', REASONS, p.reason)})</span>}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
