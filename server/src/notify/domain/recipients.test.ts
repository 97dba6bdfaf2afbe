import { describe, expect, it } from 'vitest';
import { type Person, type RecipientContext, resolveRecipients } from './recipients.ts';

const ada: Person = { id: 'u1', name: 'Ada', email: 'Ada@Desk.test', phone: '+48 600 000 001' };
const bob: Person = { id: 'u2', name: 'Bob', email: 'bob@desk.test', phone: '+48 600 000 002' };
const boss: Person = { id: 'u3', name: 'Boss', email: 'boss@desk.test', phone: null };
const ctx = (over: Partial<RecipientContext> = {}): RecipientContext => ({
  assignee: null, team: null, escalation: { people: [], emails: [] }, siteContacts: [], webhooks: [], ...over,
});
const list = (r: ReturnType<typeof resolveRecipients>) => r.map((x) => `${x.channel}:${x.recipient}`);

describe('notification recipients', () => {
  it('tells the site contact of the three stages, by e-mail and SMS', () => {
    const c = ctx({ siteContacts: [{ name: 'Shop', email: 'shop@branch.test', phone: '+48 22 000' }] });
    for (const type of ['ticket.created', 'ticket.acknowledged', 'ticket.resolved'] as const) {
      expect(list(resolveRecipients(type, {}, c))).toEqual(['email:shop@branch.test', 'sms:+48 22 000', 'inapp:desk']);
    }
    expect(list(resolveRecipients('ticket.merged', {}, c))).toEqual([]);
  });

  it('mails a team at its own address, else each member, once per address', () => {
    expect(list(resolveRecipients('ticket.created', {}, ctx({ team: { email: 'it@desk.test', members: [] } })))).toEqual(['email:it@desk.test', 'inapp:desk']);
    const c = ctx({ assignee: ada, team: { email: null, members: [ada, bob] } });
    expect(list(resolveRecipients('ticket.created', {}, c))).toEqual(['email:ada@desk.test', 'sms:+48 600 000 001', 'email:bob@desk.test', 'inapp:desk']);
  });

  it('reminds the assignee, or the team when nobody has the ticket', () => {
    const team = { email: null, members: [bob] };
    expect(list(resolveRecipients('sla.reminder', {}, ctx({ assignee: ada, team })))).toEqual(['email:ada@desk.test', 'sms:+48 600 000 001', 'inapp:desk']);
    expect(list(resolveRecipients('sla.reminder', {}, ctx({ team })))).toEqual(['email:bob@desk.test', 'inapp:desk']);
  });

  it('escalates a breach to the policy escalation people and addresses', () => {
    const c = ctx({ assignee: ada, escalation: { people: [boss], emails: ['manager@hq.test', 'BOSS@desk.test'] } });
    expect(list(resolveRecipients('sla.breach', {}, c))).toEqual(['email:ada@desk.test', 'sms:+48 600 000 001', 'email:boss@desk.test', 'email:manager@hq.test', 'inapp:desk']);
    expect(list(resolveRecipients('sla.escalation', {}, c))).toEqual(['email:boss@desk.test', 'email:manager@hq.test', 'inapp:desk']);
  });

  it('tells the assignee of an assignment only', () => {
    expect(list(resolveRecipients('ticket.updated', { change: 'assigned' }, ctx({ assignee: ada })))).toEqual(['email:ada@desk.test', 'sms:+48 600 000 001', 'inapp:desk']);
    expect(list(resolveRecipients('ticket.updated', { assigned: 'u1' }, ctx({ assignee: ada })))).toEqual(['email:ada@desk.test', 'sms:+48 600 000 001', 'inapp:desk']);
    expect(list(resolveRecipients('ticket.updated', { assigned: null }, ctx()))).toEqual(['inapp:desk']);
    expect(list(resolveRecipients('ticket.updated', { change: 'priority' }, ctx({ assignee: ada })))).toEqual(['inapp:desk']);
  });

  it('sends to every webhook subscribed to the type or to *, even two with one URL', () => {
    const webhooks = [
      { id: 'w1', url: 'https://a.test/hook', events: ['*'] },
      { id: 'w2', url: 'https://a.test/hook', events: ['sla.breach'] },
      { id: 'w3', url: 'https://b.test/hook', events: ['ticket.created', 'ticket.resolved'] },
    ];
    expect(resolveRecipients('sla.breach', {}, ctx({ webhooks })).filter((r) => r.channel === 'webhook').map((r) => r.webhookId)).toEqual(['w1', 'w2']);
    expect(resolveRecipients('ticket.resolved', {}, ctx({ webhooks })).filter((r) => r.channel === 'webhook').map((r) => r.webhookId)).toEqual(['w1', 'w3']);
  });

  it('writes to people in their own language, to contacts and bare addresses in the site\'s, to the desk in English', () => {
    const c = ctx({
      assignee: { ...ada, language: 'pl' }, team: { email: 'it@desk.test', members: [] }, siteLanguage: 'tr',
      siteContacts: [{ email: 'shop@branch.test' }, { email: 'ada@desk.test' }],
      webhooks: [{ id: 'w1', url: 'https://hook.test', events: ['*'] }],
    });
    expect(resolveRecipients('ticket.created', {}, c).map((r) => `${r.channel}:${r.recipient}:${r.language}`)).toEqual([
      'email:ada@desk.test:pl', 'sms:+48 600 000 001:pl', 'email:it@desk.test:tr', 'email:shop@branch.test:tr', 'webhook:https://hook.test:tr', 'inapp:desk:en',
    ]);
    expect(resolveRecipients('ticket.created', {}, ctx({ siteContacts: [{ email: 'shop@branch.test' }] }))[0]!.language).toBe('en');
  });
});
