import { describe, expect, it } from 'vitest';
import { createBatchLoader } from './batch-loader.ts';

/** A store in memory that records the keys of every load it serves: the loader's real collaborator. */
function store(values: Record<string, number>, fail = (_keys: string[]) => false) {
  const loads: string[][] = [];
  let release: (() => void) | null = null;
  const gate = { hold: false };
  const load = async (keys: string[]) => {
    loads.push(keys);
    if (gate.hold) await new Promise<void>((r) => (release = r));
    if (fail(keys)) throw new Error('database down');
    return new Map(keys.filter((k) => k in values).map((k) => [k, values[k]!]));
  };
  return { load, loads, gate, release: () => release?.() };
}

describe('createBatchLoader', () => {
  it('serves the keys asked for together with one load, each caller its own value', async () => {
    const s = store({ a: 1, b: 2 });
    const get = createBatchLoader(s.load, { maxBatch: 100, maxInFlight: 2 });
    await expect(Promise.all([get('a'), get('b'), get('x'), get('a')])).resolves.toEqual([1, 2, undefined, 1]);
    expect(s.loads).toEqual([['a', 'b', 'x']]);
  });

  it('splits a batch at maxBatch keys', async () => {
    const s = store({ a: 1, b: 2, c: 3 });
    const get = createBatchLoader(s.load, { maxBatch: 2, maxInFlight: 4 });
    await expect(Promise.all(['a', 'b', 'c'].map(get))).resolves.toEqual([1, 2, 3]);
    expect(s.loads).toEqual([['a', 'b'], ['c']]);
  });

  it('collects the keys asked for while the loads in flight run into the next load', async () => {
    const s = store({ a: 1, b: 2, c: 3 });
    s.gate.hold = true;
    const get = createBatchLoader(s.load, { maxBatch: 100, maxInFlight: 1 });
    const first = get('a');
    await new Promise((r) => setImmediate(r));
    s.gate.hold = false;
    const later = Promise.all([get('b'), get('c')]);
    await new Promise((r) => setImmediate(r));
    expect(s.loads).toEqual([['a']]); // b and c wait for the load under way
    s.release();
    await expect(Promise.all([first, later])).resolves.toEqual([1, [2, 3]]);
    expect(s.loads).toEqual([['a'], ['b', 'c']]);
  });

  it('rejects only the callers of the batch whose load failed', async () => {
    const s = store({ a: 1, b: 2 }, (keys) => keys.includes('a'));
    const get = createBatchLoader(s.load, { maxBatch: 1, maxInFlight: 2 });
    const [a, b] = await Promise.allSettled([get('a'), get('b')]);
    expect(a).toMatchObject({ status: 'rejected', reason: new Error('database down') });
    expect(b).toEqual({ status: 'fulfilled', value: 2 });
  });
});
