import { createHmac } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifications } from '../server/src/db/schema.ts';
import type { DashEvent } from '../server/src/events/bus.ts';
import { type DispatcherDeps, type NotificationDispatcher, startNotificationDispatcher } from '../server/src/notify/dispatcher.ts';
import { type NotifyEvent, notify } from '../server/src/notify/notify.ts';
import { Api } from './helpers/api.ts';
import { testDatabases } from './helpers/databases.ts';
import { connectDevice, waitFor } from './helpers/device.ts';
import { receiver, smtpSink } from './helpers/sinks.ts';
import { startTestSystem, type TestSystem } from './helpers/system.ts';

const signatureOf = (secret: string, body: string) => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

describe.each(testDatabases())('notifications on $name', (db) => {
  let t: TestSystem;
  let smtp: Awaited<ReturnType<typeof smtpSink>>;
  let sms: Awaited<ReturnType<typeof receiver>>;
  beforeAll(async () => {
    smtp = await smtpSink();
    sms = await receiver();
    t = await startTestSystem(db, {
      SMTP_URL: smtp.url, SMS_URL_TEMPLATE: `${sms.url}/send?to={to}&text={text}`, SMS_METHOD: 'GET',
      NOTIFY_MAX_ATTEMPTS: '3', PUBLIC_URL: 'http://dash.test',
    });
  });
  afterAll(async () => {
    await t?.stop();
    await smtp?.close();
    await sms?.close();
  });

  /** A ticket opened by a real press on a site with a contact. */
  async function pressedTicket(contact: { email?: string; phone?: string } = {}) {
    const site = await t.site({ contacts: [{ name: 'Shop floor', ...contact }] });
    const category = await t.category({ name: 'Printer' });
    const { credentials } = await t.device(site.id, [{ button: 0, categoryId: category.id }]);
    const device = await connectDevice(t.mqttUrl, credentials.username, credentials.password);
    await device.press({ pressId: 'n-1' });
    const ack = await device.ack('n-1');
    await device.end();
    const ticket = await t.api.ok('GET', `/api/tickets/${ack.ticketNumber}`);
    return { id: ticket.id as string, number: ticket.number as string, site };
  }

  /** notify() inside a transaction of our own, as a verb or a job does. */
  async function notifyNow(event: NotifyEvent) {
    const written = await t.system.database.db.transaction((tx) => notify(tx, event, new Date()));
    t.system.notifications.wake();
    return written;
  }

  const rowsOf = (ticketId: string) => t.system.database.db.select().from(notifications).where(eq(notifications.ticketId, ticketId));

  it('mails and texts the site contact with the ticket number and the link', async () => {
    const { id, number } = await pressedTicket({ email: 'Shop-1@Branch.test', phone: '+48 600 100 200' });
    await notifyNow({ type: 'ticket.acknowledged', ticketId: id, data: {} });
    const mail = await waitFor(() => smtp.mails.find((m) => m.to.includes('shop-1@branch.test') && m.subject.includes('picked up')), 10_000, 'the e-mail');
    expect(mail.subject).toBe(`[Dash] ${number} picked up by the IT desk`);
    expect(mail.text).toContain(`Ticket:         ${number}`);
    expect(mail.text).toContain(`Open in Dash: http://dash.test/tickets/${number}`);
    const text = await waitFor(() => sms.hits.map((h) => new URL(h.url, sms.url)).find((u) => u.searchParams.get('text')?.includes('picked up')), 10_000, 'the SMS');
    expect(text.pathname).toBe('/send');
    expect(text.searchParams.get('to')).toBe('+48 600 100 200');
    expect(text.searchParams.get('text')).toBe(`[Dash] ${number} picked up by the IT desk. http://dash.test/tickets/${number}`);
  });

  it('publishes an in-app notification on the event bus', async () => {
    const { id, number } = await pressedTicket();
    const seen: DashEvent[] = [];
    const unsubscribe = t.system.bus.subscribe((e) => e.type === 'notification' && e.data.ticketId === id && seen.push(e));
    await notifyNow({ type: 'ticket.resolved', ticketId: id, data: {} });
    const event = await waitFor(() => seen.find((e) => e.data.eventType === 'ticket.resolved'), 10_000, 'the in-app event');
    unsubscribe();
    expect(event.data).toMatchObject({ subject: `[Dash] ${number} resolved`, link: `http://dash.test/tickets/${number}` });
  });

  it('writes nothing when the transaction that notifies rolls back', async () => {
    const { id } = await pressedTicket({ email: 'rollback@branch.test' });
    const before = (await rowsOf(id)).length;
    let written = 0;
    await expect(t.system.database.db.transaction(async (tx) => {
      written = await notify(tx, { type: 'ticket.resolved', ticketId: id, data: {} }, new Date());
      throw new Error('the change failed after notify');
    })).rejects.toThrow('the change failed after notify');
    expect(written).toBeGreaterThan(0);
    const [{ n }] = await t.system.database.db.select({ n: count() }).from(notifications).where(eq(notifications.ticketId, id)) as [{ n: number }];
    expect(n).toBe(before);
  });

  it('writes nothing for a merged press that no webhook listens to', async () => {
    const { id } = await pressedTicket({ email: 'merge@branch.test' });
    expect(await notifyNow({ type: 'ticket.merged', ticketId: id, data: {} })).toBe(0);
  });

  it('sends a signed test delivery to a webhook on request', async () => {
    const hook = await receiver();
    const created = await t.api.ok('POST', '/api/webhooks', { name: 'ping', url: `${hook.url}/ping`, events: ['device.health'] });
    expect(created.secret).toMatch(/^whsec_/);
    const res = await t.api.request('POST', `/api/webhooks/${created.id}/test`, {});
    expect(res.status).toBe(202);
    const hit = await waitFor(() => hook.hits[0], 10_000, 'the test delivery');
    expect(hit.headers['x-dash-event']).toBe('webhook.test');
    expect(hit.headers['x-dash-delivery']).toBe(res.body.notificationId);
    expect(hit.headers['x-dash-signature']).toBe(signatureOf(created.secret, hit.body));
    expect(JSON.parse(hit.body)).toMatchObject({ type: 'webhook.test', data: { webhook: { id: created.id } } });
    await t.api.ok('DELETE', `/api/webhooks/${created.id}`, undefined, [204]);
    await hook.close();
  });

  it('keeps webhook secrets out of listings and refuses bad webhooks naming the field', async () => {
    const created = await t.api.ok('POST', '/api/webhooks', { name: 'list me', url: 'https://hooks.example.com/dash', secret: 'a-secret-of-24-characters' });
    expect(created).toMatchObject({ secret: 'a-secret-of-24-characters', events: ['*'], enabled: true });
    const listed = (await t.api.ok('GET', '/api/webhooks')).items.find((w: { id: string }) => w.id === created.id);
    expect(listed).toMatchObject({ url: 'https://hooks.example.com/dash', secretHint: '…ters' });
    expect(JSON.stringify(listed)).not.toContain('a-secret-of');
    const badUrl = await t.api.request('POST', '/api/webhooks', { name: 'x', url: 'ftp://hooks.example.com' });
    expect(badUrl.status).toBe(400);
    expect(badUrl.body.error).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('url') });
    const badEvent = await t.api.request('POST', '/api/webhooks', { name: 'x', url: 'https://a.test', events: ['ticket.exploded'] });
    expect(badEvent.body.error).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('events.0') });
    await t.api.ok('DELETE', `/api/webhooks/${created.id}`, undefined, [204]);
  });

  it('changes only the fields a webhook PATCH sends', async () => {
    const created = await t.api.ok('POST', '/api/webhooks', { name: 'paused', url: 'https://hooks.example.com/p', events: ['sla.breach'], enabled: false });
    const renamed = await t.api.ok('PATCH', `/api/webhooks/${created.id}`, { name: 'still paused' });
    expect(renamed).toMatchObject({ name: 'still paused', events: ['sla.breach'], enabled: false });
    await t.api.ok('DELETE', `/api/webhooks/${created.id}`, undefined, [204]);
  });

  it('finds the team, the escalation contacts of the SLA policy and the new assignee', async () => {
    const person = (name: string, role: string, phone?: string) =>
      t.api.ok('POST', '/api/users', { email: `${name}-${db.name}@desk.test`, name, role, password: 'people-pass-1', ...(phone && { phone }) });
    const [ada, bob, boss] = [await person('ada', 'agent', '+48 600 000 001'), await person('bob', 'agent'), await person('boss', 'manager')];
    const team = await t.api.ok('POST', '/api/teams', { name: `Desk ${db.name}` });
    await t.api.ok('PUT', `/api/teams/${team.id}/members`, { userIds: [ada.id, bob.id] });
    const site = await t.site();
    const category = await t.category({ teamId: team.id });
    const target = { responseMinutes: 600, resolutionMinutes: 6000 };
    await t.api.ok('POST', '/api/sla-policies', {
      name: `Escalating ${db.name}`, order: 1, conditions: { categoryIds: [category.id] }, targets: { P1: target, P2: target, P3: target, P4: target },
      escalation: { userIds: [boss.id], emails: ['HQ@dash.test'] },
    });
    const { device } = await t.device(site.id, [{ button: 0, categoryId: category.id }]);
    // The virtual-button intake: the same press path as MQTT, answered with the ticket.
    const { results } = await t.api.ok('POST', '/api/intake/presses', { presses: [{ deviceId: device.id, press: { v: 1, pressId: 'esc-1', seq: 1 } }] });
    const ticketId: string = results[0].ticketId;

    await notifyNow({ type: 'sla.breach', ticketId, data: { target: 'response', dueAt: new Date().toISOString() } });
    const breach = (await rowsOf(ticketId)).filter((n) => n.eventType === 'sla.breach').map((n) => `${n.channel}:${n.recipient}`);
    expect(breach.sort()).toEqual(['email:' + ada.email, 'email:' + bob.email, 'email:' + boss.email, 'email:hq@dash.test', 'inapp:desk'].sort());

    await t.api.ok('POST', `/api/tickets/${ticketId}/assign`, { assigneeId: ada.id });
    const assigned = (await rowsOf(ticketId)).filter((n) => n.eventType === 'ticket.updated' && n.channel !== 'inapp').map((n) => `${n.channel}:${n.recipient}`);
    expect(assigned.sort()).toEqual(['email:' + ada.email, 'sms:+48 600 000 001']);
  });

  it('shows the delivery log to managers, and webhooks to admins only', async () => {
    const email = `manager-log-${db.name}@desk.test`;
    await t.api.ok('POST', '/api/users', { email, name: 'Log reader', role: 'manager', password: 'people-pass-1' });
    const manager = new Api(t.httpUrl);
    await manager.login(email, 'people-pass-1');
    expect((await manager.get('/api/notifications?status=sent')).status).toBe(200);
    expect((await manager.get('/api/webhooks')).status).toBe(403);
    expect((await manager.post('/api/webhooks', { name: 'x', url: 'https://a.test' })).body.error.code).toBe('FORBIDDEN');
    const bad = await t.api.get('/api/notifications?status=lost');
    expect(bad.body.error).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('status') });
  });

  describe('retries (dispatchers with short backoff)', () => {
    const dispatchers: NotificationDispatcher[] = [];
    const start = (over: Partial<DispatcherDeps> = {}) => {
      const d = startNotificationDispatcher({
        db: t.system.database.db, config: t.config, bus: t.system.bus, log: pino({ level: 'silent' }),
        publicUrl: 'http://dash.test', retry: { baseMs: 50, maxMs: 200 }, ...over,
      });
      dispatchers.push(d);
      return d;
    };
    const wakeAll = () => dispatchers.forEach((d) => d.wake());
    beforeAll(async () => {
      // The system's own dispatcher retries after 10 s and more; these retry in milliseconds.
      await t.system.notifications.stop();
      start();
    });
    afterAll(async () => {
      for (const d of dispatchers) await d.stop();
    });
    const notificationOf = async (webhookId: string, status: string) => {
      const page = await t.api.ok('GET', `/api/webhooks/${webhookId}/deliveries`);
      return page.items.length === 1 && page.items[0].status === status ? page.items[0] : undefined;
    };

    it('delivers to a webhook that fails twice on the third attempt, once, with a verified signature', async () => {
      const { id, number } = await pressedTicket();
      const hook = await receiver((n) => (n < 2 ? 500 : 204));
      const created = await t.api.ok('POST', '/api/webhooks', { name: 'flaky', url: `${hook.url}/hook`, events: ['sla.breach'] });
      const dueAt = new Date(Date.now() - 1000).toISOString();
      await notifyNow({ type: 'sla.breach', ticketId: id, data: { target: 'response', dueAt } });
      wakeAll();
      const sent = await waitFor(() => notificationOf(created.id, 'sent'), 10_000, 'the delivery to succeed');
      expect(sent).toMatchObject({ channel: 'webhook', eventType: 'sla.breach', attempts: 3, lastError: null });
      expect(sent.deliveries.map((a: { ok: boolean; statusCode: number }) => [a.ok, a.statusCode])).toEqual([[false, 500], [false, 500], [true, 204]]);
      expect(sent.deliveries[0].error).toBe('HTTP 500: receiver says hi');
      expect(hook.hits).toHaveLength(3);
      for (const hit of hook.hits) {
        expect(hit.headers['x-dash-signature']).toBe(signatureOf(created.secret, hit.body));
        expect(hit.headers['x-dash-delivery']).toBe(sent.id);
        expect(hit.headers['x-dash-event']).toBe('sla.breach');
      }
      const payload = JSON.parse(hook.hits[2]!.body);
      expect(payload).toMatchObject({ type: 'sla.breach', data: { target: 'response', dueAt, ticket: { id, number } } });
      expect(Object.keys(payload).sort()).toEqual(['data', 'id', 'occurredAt', 'type']);
      await t.api.ok('PATCH', `/api/webhooks/${created.id}`, { enabled: false });
      await hook.close();
    });

    it('dead-letters after NOTIFY_MAX_ATTEMPTS, and an admin retry delivers it', async () => {
      const { id } = await pressedTicket();
      let up = false;
      const hook = await receiver(() => (up ? 200 : 503));
      const created = await t.api.ok('POST', '/api/webhooks', { name: 'down', url: hook.url, events: ['sla.escalation'] });
      await notifyNow({ type: 'sla.escalation', ticketId: id, data: { target: 'response' } });
      wakeAll();
      const dead = await waitFor(() => notificationOf(created.id, 'dead'), 10_000, 'the dead letter');
      expect(dead).toMatchObject({ attempts: 3, lastError: 'HTTP 503: receiver says hi' });
      expect(dead.deliveries).toHaveLength(3);
      const listed = await t.api.ok('GET', `/api/notifications?status=dead&ticketId=${id}`);
      expect(listed.items.map((n: { id: string }) => n.id)).toContain(dead.id);

      up = true;
      expect((await t.api.ok('POST', `/api/notifications/${dead.id}/retry`)).status).toBe('pending');
      const sent = await waitFor(() => notificationOf(created.id, 'sent'), 10_000, 'the retried delivery');
      expect(sent.deliveries.map((a: { ok: boolean }) => a.ok)).toEqual([false, false, false, true]);
      const again = await t.api.request('POST', `/api/notifications/${dead.id}/retry`, {});
      expect(again.body.error).toMatchObject({ code: 'CONFLICT' });
      await t.api.ok('PATCH', `/api/webhooks/${created.id}`, { enabled: false });
      await hook.close();
    });

    it('two dispatchers on one database send each notification exactly once', async () => {
      start();
      const hook = await receiver();
      const created = await t.api.ok('POST', '/api/webhooks', { name: 'busy', url: hook.url, events: ['device.health'] });
      await t.system.database.db.transaction(async (tx) => {
        for (let i = 0; i < 40; i++) await notify(tx, { type: 'device.health', data: { cause: 'battery_low', i } }, new Date());
      });
      wakeAll();
      await waitFor(() => hook.hits.length >= 40 || undefined, 15_000, '40 deliveries');
      await new Promise((r) => setTimeout(r, 300)); // time for a double send to show up
      const deliveries = hook.hits.map((h) => h.headers['x-dash-delivery']);
      expect(deliveries).toHaveLength(40);
      expect(new Set(deliveries).size).toBe(40);
      await t.api.ok('PATCH', `/api/webhooks/${created.id}`, { enabled: false });
      await hook.close();
    });

    it('marks e-mail dead with the reason when SMTP_URL is not set', async () => {
      for (const d of dispatchers.splice(0)) await d.stop();
      start({ config: { ...t.config, SMTP_URL: undefined } });
      const { id } = await pressedTicket({ email: 'nomail@branch.test' });
      await notifyNow({ type: 'ticket.resolved', ticketId: id, data: {} });
      wakeAll();
      const row = await waitFor(async () => (await rowsOf(id)).find((n) => n.recipient === 'nomail@branch.test' && n.eventType === 'ticket.resolved' && n.status === 'dead'), 10_000, 'the dead e-mail');
      expect(row).toMatchObject({ attempts: 0, lastError: 'not sent: e-mail is off because SMTP_URL is not set' });
    });
  });
});
