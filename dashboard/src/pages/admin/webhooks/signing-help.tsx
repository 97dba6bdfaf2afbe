/** How a receiver checks `X-Dash-Signature` (design §7), with a copyable example for Node.js. */
import { useI18n } from '../../../i18n/i18n.tsx';
import { CodeExample } from './shown-once.tsx';

const NODE_EXAMPLE = `import { createHmac, timingSafeEqual } from 'node:crypto';

// rawBody: the request body exactly as received (a Buffer), before JSON parsing
function fromDash(rawBody, headers, secret) {
  const expected = 'sha256=' + createHmac('sha256', secret).update(rawBody).digest('hex');
  const given = String(headers['x-dash-signature'] ?? '');
  return given.length === expected.length && timingSafeEqual(Buffer.from(given), Buffer.from(expected));
}
// X-Dash-Delivery is the same on every retry of one notification: skip ids already seen.`;

export function SigningHelp() {
  const { t } = useI18n();
  return (
    <details class="panel signing-help">
      <summary>{t('integrations.webhooks.verifyTitle')}</summary>
      <p>{t('integrations.webhooks.verifyText')}</p>
      <CodeExample label={t('integrations.webhooks.verifyExample')} code={NODE_EXAMPLE} />
    </details>
  );
}
