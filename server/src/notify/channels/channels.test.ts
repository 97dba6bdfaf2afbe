import { describe, expect, it } from 'vitest';
import type { Db } from '../../db/client.ts';
import type { Notification } from '../../db/schema.ts';
import { EventBus } from '../../events/bus.ts';
import { createChannels } from './index.ts';
import { fillSmsTemplate } from './sms.ts';
import { signBody } from './webhook.ts';

const row = (over: Partial<Notification>): Notification => ({
  id: 'n1', channel: 'email', eventType: 'ticket.created', recipient: 'a@b.test', webhookId: null, ticketId: null, subject: null,
  body: { facts: { type: 'ticket.created', occurredAt: '2026-01-01T00:00:00Z', ticket: null, device: null, data: {} } },
  status: 'pending', attempts: 0, nextAttemptAt: new Date(), lockedUntil: null, lastError: null, sentAt: null, createdAt: new Date(), ...over,
});

describe('channels', () => {
  it('signs like RFC 4231 test case 2 (HMAC-SHA256)', () => {
    expect(signBody('Jefe', 'what do ya want for nothing?')).toBe('sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
  });

  it('fills the SMS template with URL-encoded values', () => {
    expect(fillSmsTemplate('https://sms.test/send?to={to}&msg={text}', '+48 600 000 001', 'INC-000001 resolved & closed'))
      .toBe('https://sms.test/send?to=%2B48%20600%20000%20001&msg=INC-000001%20resolved%20%26%20closed');
  });

  it('names the missing setting when e-mail or SMS is not configured', async () => {
    const channels = createChannels({ db: null as unknown as Db, bus: new EventBus(), publicUrl: 'http://x', config: { MAIL_FROM: 'a <a@b.test>', SMS_METHOD: 'GET' } });
    expect(await channels.deliver(row({ channel: 'email' }))).toEqual({ kind: 'off', reason: 'not sent: e-mail is off because SMTP_URL is not set' });
    expect(await channels.deliver(row({ channel: 'sms', recipient: '+48 1' }))).toEqual({ kind: 'off', reason: 'not sent: SMS is off because SMS_URL_TEMPLATE is not set' });
    channels.close();
  });

  it('delivers in-app by publishing on the bus, with the rendered text', async () => {
    const bus = new EventBus();
    const channels = createChannels({ db: null as unknown as Db, bus, publicUrl: 'http://dash.test', config: { MAIL_FROM: 'a <a@b.test>', SMS_METHOD: 'GET' } });
    expect(await channels.deliver(row({ channel: 'inapp', recipient: 'desk' }))).toEqual({ kind: 'sent', statusCode: null });
    expect(bus.since(0).events).toMatchObject([{ type: 'notification', data: { notificationId: 'n1', subject: '[Dash] Dash received: a device', link: 'http://dash.test/' } }]);
  });
});
