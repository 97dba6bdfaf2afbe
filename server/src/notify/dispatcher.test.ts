import { describe, expect, it } from 'vitest';
import { eachLimited, IN_FLIGHT } from './dispatcher.ts';

describe('eachLimited (the dispatcher\'s cap on deliveries in flight)', () => {
  it('never runs more than the limit at once, starts items in order and runs each once', async () => {
    let running = 0;
    let most = 0;
    const started: number[] = [];
    const items = Array.from({ length: 9 }, (_, i) => i);
    await eachLimited(items, IN_FLIGHT, async (i) => {
      started.push(i);
      running++;
      most = Math.max(most, running);
      await new Promise((r) => setTimeout(r, (i % 3) * 2));
      running--;
    });
    expect(started).toEqual(items);
    expect(most).toBe(IN_FLIGHT);
  });

  it('does nothing for no items', async () => {
    let calls = 0;
    await eachLimited([], 3, async () => void calls++);
    expect(calls).toBe(0);
  });
});
