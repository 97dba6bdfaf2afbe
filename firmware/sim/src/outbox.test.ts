import { describe, expect, it } from 'vitest';
import { PressPayload } from '../../../gateway/src/mqtt/contract.ts';
import { Outbox, pressPayload, type NewPress } from './outbox.ts';

const T0 = 1_700_000_000_000;
const press = (seq: number, overrides: Partial<NewPress> = {}): NewPress =>
  ({ pressId: `boot-${seq}`, seq, button: 0, action: 'single', pressedAt: T0, ...overrides });

describe('Outbox', () => {
  it('queues a pressId once, however often it is added', () => {
    const outbox = new Outbox();
    expect(outbox.add(press(1), T0).entry).toBeDefined();
    expect(outbox.add(press(1, { button: 2 }), T0).entry).toBeUndefined();
    expect(outbox.size).toBe(1);
    expect(outbox.due(T0)[0]?.button).toBe(0);
  });

  it('holds a sent press back until its retry time, then offers it again', () => {
    const outbox = new Outbox();
    outbox.add(press(1), T0);
    outbox.recordAttempt('boot-1', T0, 4_000);
    expect(outbox.due(T0 + 3_999)).toEqual([]);
    expect(outbox.due(T0 + 4_000).map((e) => [e.pressId, e.attempts])).toEqual([['boot-1', 1]]);
  });

  it('keeps the first send time across resends, for ack latency', () => {
    const outbox = new Outbox();
    outbox.add(press(1), T0);
    outbox.recordAttempt('boot-1', T0 + 10, 4_000);
    outbox.recordAttempt('boot-1', T0 + 4_010, 4_000);
    expect(outbox.settle('boot-1')?.firstSentAt).toBe(T0 + 10);
  });

  it('ends a press on its first ack and ignores a second ack for it', () => {
    const outbox = new Outbox();
    outbox.add(press(1), T0);
    expect(outbox.settle('boot-1')?.pressId).toBe('boot-1');
    expect(outbox.settle('boot-1')).toBeUndefined();
    expect(outbox.size).toBe(0);
  });

  it('sends everything pending at once after a reconnect', () => {
    const outbox = new Outbox();
    outbox.add(press(1), T0);
    outbox.add(press(2), T0);
    outbox.recordAttempt('boot-1', T0, 30_000);
    outbox.recordAttempt('boot-2', T0, 30_000);
    outbox.expediteAll(T0 + 100);
    expect(outbox.due(T0 + 100).map((e) => e.seq)).toEqual([1, 2]);
  });

  it('drops the oldest press when full and says which', () => {
    const outbox = new Outbox(2);
    outbox.add(press(1), T0);
    outbox.add(press(2), T0);
    const { evicted } = outbox.add(press(3), T0);
    expect(evicted?.pressId).toBe('boot-1');
    expect(outbox.due(T0).map((e) => e.seq)).toEqual([2, 3]);
  });

  it("restores presses from disk without the old process's send time", () => {
    const original = new Outbox();
    original.add(press(7), T0);
    original.recordAttempt('boot-7', T0, 4_000);
    const restored = Outbox.restore(original.snapshot());
    const entry = restored.settle('boot-7');
    expect(entry).toMatchObject({ pressId: 'boot-7', attempts: 1 });
    expect(entry?.firstSentAt).toBeUndefined();
  });
});

describe('pressPayload', () => {
  it('sends a fresh press with its press time and no queued flag', () => {
    const outbox = new Outbox();
    const { entry } = outbox.add(press(1, { action: 'double', button: 2 }), T0);
    const payload = PressPayload.parse(pressPayload(entry!, T0 + 20));
    expect(payload).toEqual({ v: 1, pressId: 'boot-1', seq: 1, button: 2, action: 'double', pressedAt: T0 });
  });

  it('marks a resend as queued with its age, keeping pressId and pressedAt', () => {
    const outbox = new Outbox();
    const { entry } = outbox.add(press(1), T0);
    outbox.recordAttempt('boot-1', T0, 4_000);
    const payload = PressPayload.parse(pressPayload(entry!, T0 + 4_250));
    expect(payload).toMatchObject({ pressId: 'boot-1', pressedAt: T0, queued: true, ageMs: 4_250 });
  });

  it('marks a press first sent long after it happened (offline) as queued', () => {
    const outbox = new Outbox();
    const { entry } = outbox.add(press(1), T0);
    expect(pressPayload(entry!, T0 + 60_000)).toMatchObject({ queued: true, ageMs: 60_000 });
  });
});
