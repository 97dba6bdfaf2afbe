/**
 * SMS through an HTTP gateway: SMS_URL_TEMPLATE with {to} and {text}, URL-encoded, requested
 * with SMS_METHOD. A POST also carries `{to, text}` as JSON for gateways that read the body.
 */
import type { Config } from '../../config.ts';
import { deliverOverHttp, type Sender } from './types.ts';

const SMS_TIMEOUT_MS = 10_000;

export function fillSmsTemplate(template: string, to: string, text: string): string {
  return template.replaceAll('{to}', encodeURIComponent(to)).replaceAll('{text}', encodeURIComponent(text));
}

/** Null when SMS_URL_TEMPLATE is not set: the channel is off. */
export function smsSender(config: Pick<Config, 'SMS_URL_TEMPLATE' | 'SMS_METHOD'>): Sender | null {
  const template = config.SMS_URL_TEMPLATE;
  if (!template) return null;
  return async (row, message) => {
    if (!message) return { kind: 'off', reason: 'no message to send' };
    const post = config.SMS_METHOD === 'POST';
    return deliverOverHttp(fillSmsTemplate(template, row.recipient, message.short), {
      method: config.SMS_METHOD,
      ...(post && { headers: { 'content-type': 'application/json' }, body: JSON.stringify({ to: row.recipient, text: message.short }) }),
    }, SMS_TIMEOUT_MS);
  };
}
