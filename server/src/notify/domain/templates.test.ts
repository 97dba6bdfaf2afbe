import { describe, expect, it } from 'vitest';
import { NOTIFY_EVENT_TYPES, WEBHOOK_TEST } from './event-types.ts';
import { formatTime, type MessageFacts, renderMessage } from './templates.ts';

const ticket = {
  number: 'INC-000042', title: 'Printer', status: 'in_progress', priority: 'P2', siteName: 'Warsaw Centre',
  timezone: 'Europe/Warsaw', categoryName: 'Printers', assigneeName: 'Ada Agent', pressCount: 3,
  openedAt: '2026-03-06T14:00:00.000Z', responseDueAt: '2026-03-06T15:30:00.000Z', resolutionDueAt: null,
};
const facts = (over: Partial<MessageFacts> = {}): MessageFacts => ({
  type: 'ticket.created', occurredAt: '2026-03-06T14:00:01.000Z', ticket, device: null, data: {}, ...over,
});

describe('notification templates', () => {
  it('writes the ticket fields and the link into the text', () => {
    const m = renderMessage(facts(), 'https://dash.example.com/');
    expect(m.subject).toBe('[Dash] INC-000042 received: Printer at Warsaw Centre');
    expect(m.link).toBe('https://dash.example.com/tickets/INC-000042');
    expect(m.text).toContain('A new incident was reported: Printer at Warsaw Centre.');
    for (const line of ['Site:           Warsaw Centre', 'Category:       Printers', 'Priority:       P2', 'Status:         in progress',
      'Assignee:       Ada Agent', 'Response due:   Fri, 6 Mar 2026, 16:30 (Europe/Warsaw)', 'Resolution due: —',
      'Open in Dash: https://dash.example.com/tickets/INC-000042']) expect(m.text).toContain(line);
  });

  it('has its own subject for every event type', () => {
    const subjects = [...NOTIFY_EVENT_TYPES, WEBHOOK_TEST].map((type) => renderMessage(facts({ type }), 'http://x').subject);
    expect(new Set(subjects).size).toBe(NOTIFY_EVENT_TYPES.length + 1);
  });

  it('names the SLA target, the share used and the due time in the site time zone', () => {
    const data = { target: 'response', percent: 75, dueAt: '2026-03-06T15:30:00.000Z' };
    expect(renderMessage(facts({ type: 'sla.reminder', data }), 'http://x').subject).toBe('[Dash] INC-000042: 75% of the first response time used');
    const breach = renderMessage(facts({ type: 'sla.breach', data: { ...data, target: 'resolution' } }), 'http://x');
    expect(breach.subject).toBe('[Dash] INC-000042 missed its resolution target');
    expect(breach.text).toContain('was due for resolution at Fri, 6 Mar 2026, 16:30 (Europe/Warsaw) and is overdue');
    expect(renderMessage(facts({ type: 'sla.escalation', data }), 'http://x').text).toContain('still not acknowledged');
  });

  it('tells the new assignee when a ticket.updated is an assignment', () => {
    expect(renderMessage(facts({ type: 'ticket.updated', data: { change: 'assigned' } }), 'http://x').subject).toBe('[Dash] INC-000042 assigned to you');
  });

  it('links a device-health event without a ticket to the device', () => {
    const m = renderMessage(facts({ type: 'device.health', ticket: null, device: { id: 'dev-7', name: 'Till 2 button' }, data: { cause: 'battery_low' } }), 'http://dash:3000');
    expect(m.subject).toBe('[Dash] Device Till 2 button: battery low');
    expect(m.link).toBe('http://dash:3000/devices/dev-7');
  });

  it('keeps the SMS text short, with the link whole', () => {
    const m = renderMessage(facts({ ticket: { ...ticket, title: 'x'.repeat(500) } }), 'https://dash.example.com');
    expect(m.short.length).toBeLessThanOrEqual(300);
    expect(m.short.endsWith(' https://dash.example.com/tickets/INC-000042')).toBe(true);
  });

  it('shows times on the site wall clock across a DST change', () => {
    expect(formatTime('2026-03-29T00:30:00Z', 'Europe/Warsaw')).toBe('Sun, 29 Mar 2026, 01:30 (Europe/Warsaw)');
    expect(formatTime('2026-03-29T01:30:00Z', 'Europe/Warsaw')).toBe('Sun, 29 Mar 2026, 03:30 (Europe/Warsaw)');
    expect(formatTime(null, 'UTC')).toBe('—');
  });

  it('writes the whole message in the reader\'s language, naming the category in it', () => {
    const named = { ...ticket, title: 'Printers — Istanbul Kadıköy', siteName: 'Istanbul Kadıköy', timezone: 'Europe/Istanbul', categoryNames: { tr: 'Yazıcılar' }, defaultTitle: true };
    const m = renderMessage(facts({ ticket: named }), 'https://dash.example.com', 'tr');
    expect(m.subject).toBe('[Dash] INC-000042 alındı: Yazıcılar (Istanbul Kadıköy şubesi)');
    expect(m.text).toContain('Yeni bir arıza bildirildi: Yazıcılar (Istanbul Kadıköy şubesi).');
    for (const line of ['Kategori:         Yazıcılar', 'Durum:            işlemde', 'Yanıt son tarihi: 6 Mar 2026 Cum 18:30 (Europe/Istanbul)',
      'Dash\'te aç: https://dash.example.com/tickets/INC-000042']) expect(m.text).toContain(line);
    // A title an agent wrote is theirs, whatever the language.
    expect(renderMessage(facts({ ticket: { ...named, title: 'Kağıt sıkıştı', defaultTitle: false } }), 'http://x', 'tr').subject)
      .toBe('[Dash] INC-000042 alındı: Kağıt sıkıştı (Istanbul Kadıköy şubesi)');
  });

  it('writes Polish plurals, Turkish SLA targets and Persian times', () => {
    expect(renderMessage(facts({ type: 'ticket.merged', ticket: { ...ticket, pressCount: 5 } }), 'http://x', 'pl').subject).toBe('[Dash] INC-000042 zgłoszone ponownie (5 naciśnięć)');
    const data = { target: 'response', percent: 75, dueAt: '2026-03-06T15:30:00.000Z' };
    expect(renderMessage(facts({ type: 'sla.reminder', data }), 'http://x', 'tr').subject).toBe('[Dash] INC-000042: ilk yanıt süresinin %75 kadarı kullanıldı');
    const fa = renderMessage(facts({ type: 'sla.breach', ticket: { ...ticket, timezone: 'Asia/Tehran' }, data }), 'http://x', 'fa');
    expect(fa.subject).toBe('[Dash] INC-000042 از مهلت نخستین پاسخ گذشت');
    expect(fa.text).toMatch(/۱۴۰۴.*\(Asia\/Tehran\)/);
    expect(renderMessage(facts({ type: 'device.health', ticket: null, device: { id: 'd', name: 'Till 2' }, data: { cause: 'battery_low' } }), 'http://x', 'pl').subject)
      .toBe('[Dash] Urządzenie Till 2: słaba bateria');
  });
});
