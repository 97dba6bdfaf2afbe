import { describe, expect, it } from 'vitest';
import type { IntakePress, IntakeResult, TicketIntake } from './intake/ticket-intake.ts';
import { PressBatcher } from './press-batcher.ts';

/** An intake whose commits finish when the test says so, recording every batch it saw. */
function gatedIntake() {
  const batches: string[][] = [];
  const gates: (() => void)[] = [];
  const intake: TicketIntake = {
    async reportPresses(batch: IntakePress[]): Promise<IntakeResult[]> {
      batches.push(batch.map((p) => p.press.pressId));
      await new Promise<void>((resolve) => gates.push(resolve));
      return batch.map((p) => ({ pressId: p.press.pressId, outcome: 'created' }));
    },
  };
  const open = () => gates.splice(0).forEach((g) => g());
  return { intake, batches, open };
}
const press = (pressId: string, deviceId = 'dev-1'): IntakePress => ({ deviceId, press: { v: 1, pressId, seq: 1, button: 0, action: 'single' }, receivedAt: new Date() });
const tick = () => new Promise((r) => setTimeout(r, 0));

describe('PressBatcher', () => {
  it('commits presses that arrive during a commit together in the next batch', async () => {
    const { intake, batches, open } = gatedIntake();
    const batcher = new PressBatcher(intake, 200, 1);
    const first = batcher.submit(press('a'));
    await tick();
    const rest = ['b', 'c', 'd'].map((id) => batcher.submit(press(id)));
    await tick();
    open();
    await first;
    await tick();
    open();
    await Promise.all(rest);
    expect(batches).toEqual([['a'], ['b', 'c', 'd']]);
  });

  it('runs another batch beside the first only once a full batch is waiting', async () => {
    const { intake, batches, open } = gatedIntake();
    const batcher = new PressBatcher(intake, 3, 3);
    const first = batcher.submit(press('a'));
    await tick();
    const partial = ['b', 'c'].map((id) => batcher.submit(press(id)));
    await tick();
    expect(batches).toEqual([['a']]); // two of three waiting: they wait for the running batch
    const more = ['d', 'e', 'f', 'g', 'h'].map((id) => batcher.submit(press(id)));
    await tick();
    expect(batches).toEqual([['a'], ['b', 'c', 'd'], ['e', 'f', 'g']]); // full ones start, up to three in flight
    open();
    await Promise.all([first, ...partial, ...more.slice(0, 4)]);
    await tick();
    expect(batches).toEqual([['a'], ['b', 'c', 'd'], ['e', 'f', 'g'], ['h']]);
    open();
    await Promise.all(more);
  });

  it('lets a resend of a waiting press join it instead of queueing it twice', async () => {
    const { intake, batches, open } = gatedIntake();
    const batcher = new PressBatcher(intake, 200, 1);
    const blocker = batcher.submit(press('x'));
    await tick();
    const original = batcher.submit(press('p'));
    const resend = batcher.submit(press('p'));
    open();
    await blocker;
    await tick();
    open();
    expect(await original).toEqual({ pressId: 'p', outcome: 'created' });
    expect(await resend).toEqual({ pressId: 'p', outcome: 'created' });
    expect(batches.flat().filter((id) => id === 'p')).toHaveLength(1);
  });

  it('refuses at once when the queue is full', async () => {
    const { intake, open } = gatedIntake();
    const batcher = new PressBatcher(intake, 200, 1, 10_000, 1);
    const inBatch = batcher.submit(press('1'));
    await tick();
    const queued = batcher.submit(press('2'));
    expect(await batcher.submit(press('3'))).toMatchObject({ outcome: 'error', message: expect.stringMatching(/^overloaded/) });
    open();
    await inBatch;
    await tick();
    open();
    await queued;
  });

  it('takes a press that waited past the timeout out of the queue, uncommitted', async () => {
    const { intake, batches, open } = gatedIntake();
    const batcher = new PressBatcher(intake, 200, 1, 50);
    const blocker = batcher.submit(press('slow'));
    await tick();
    const late = await batcher.submit(press('late'));
    expect(late).toMatchObject({ outcome: 'error', message: expect.stringMatching(/did not finish/) });
    open();
    await blocker;
    await tick();
    expect(batches).toEqual([['slow']]);
    expect(batcher.backlog).toBe(0);
  });
});
