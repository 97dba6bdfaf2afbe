/** The four channels behind one `deliver(row)`; a channel that is not configured says why. */
import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import type { Notification } from '../../db/schema.ts';
import type { EventBus } from '../../events/bus.ts';
import { pickLocale } from '../../i18n/locales.ts';
import { type MessageFacts, renderMessage } from '../domain/templates.ts';
import { emailChannel } from './email.ts';
import { smsSender } from './sms.ts';
import type { Delivery, Sender } from './types.ts';
import { webhookSender } from './webhook.ts';

export type Channels = { deliver(row: Notification): Promise<Delivery>; close(): void };

export type ChannelDeps = {
  db: Db;
  config: Pick<Config, 'SMTP_URL' | 'MAIL_FROM' | 'SMS_URL_TEMPLATE' | 'SMS_METHOD'>;
  bus: EventBus;
  /** Base of the links in messages: PUBLIC_URL, or where this server listens. */
  publicUrl: string;
  webhookTimeoutMs?: number;
};

export function createChannels(deps: ChannelDeps): Channels {
  const email = emailChannel(deps.config);
  const sms = smsSender(deps.config);
  // In-app: published on this server's event bus, so its SSE clients (the desk) see it at once.
  const inapp: Sender = async (row, message) => {
    deps.bus.publish('notification', {
      notificationId: row.id, eventType: row.eventType, ticketId: row.ticketId,
      subject: message?.subject ?? row.subject, text: message?.text ?? null, link: message?.link ?? null,
    });
    return { kind: 'sent', statusCode: null };
  };
  const senders: Record<Notification['channel'], Sender | string> = {
    webhook: webhookSender(deps.db, deps.webhookTimeoutMs),
    email: email?.send ?? 'not sent: e-mail is off because SMTP_URL is not set',
    sms: sms ?? 'not sent: SMS is off because SMS_URL_TEMPLATE is not set',
    inapp,
  };
  return {
    async deliver(row) {
      const sender = senders[row.channel];
      if (!sender) return { kind: 'off', reason: `unknown channel ${row.channel}` };
      if (typeof sender === 'string') return { kind: 'off', reason: sender };
      // `language` is the recipient's (notify.ts); rows written before issue 8 have none: English.
      const { facts, language } = row.body as { facts?: MessageFacts; language?: string };
      return sender(row, facts ? renderMessage(facts, deps.publicUrl, pickLocale([language])) : null);
    },
    close: () => email?.close(),
  };
}
