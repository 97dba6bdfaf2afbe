import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { PressAction } from '../../gateway/src/mqtt/contract.ts';
import { DEFAULT_CLASSIFIER, PressClassifier, type ClassifiedPress } from './press-classifier.ts';

const TABLE_DIR = join(import.meta.dirname, '../../test/fixtures/classifier');

const Case = z.strictObject({
  name: z.string(),
  config: z.strictObject({
    debounceMs: z.number().optional(), doubleMs: z.number().optional(), holdMs: z.number().optional(),
    singleOnly: z.array(z.number()).optional(),
  }).optional(),
  polls: z.array(z.number()).optional(),
  edges: z.array(z.tuple([z.number(), z.number().int(), z.union([z.literal(0), z.literal(1)])])),
  until: z.number(),
  expect: z.array(z.strictObject({ button: z.number(), action: PressAction, at: z.number(), decidedAt: z.number() })),
});
type Case = z.infer<typeof Case>;
const Table = z.strictObject({ about: z.string(), cases: z.array(Case).min(1) });

const tables = readdirSync(TABLE_DIR).filter((f) => f.endsWith('.json')).sort()
  .map((file) => ({ file, ...Table.parse(JSON.parse(readFileSync(join(TABLE_DIR, file), 'utf8'))) }));

/** Feeds the case's edges, polling at `pollTimes` (each ≤ the next edge) and at `until`. */
function run(c: Case, pollTimes: number[]): ClassifiedPress[] {
  const classifier = new PressClassifier({ ...DEFAULT_CLASSIFIER, ...c.config });
  const polls = [...pollTimes].sort((a, b) => a - b);
  const out: ClassifiedPress[] = [];
  const pollAt = (t: number) => {
    const decided = classifier.poll(t);
    for (const press of decided) expect(press.decidedAt, 'never reported before it is decided').toBeLessThanOrEqual(t);
    out.push(...decided);
  };
  for (const [at, button, level] of c.edges) {
    while (polls.length > 0 && polls[0]! < at) pollAt(polls.shift()!);
    classifier.edge(button, level === 1, at);
  }
  for (const t of polls) pollAt(t);
  pollAt(c.until);
  return out;
}

describe.each(tables)('classifier table $file', ({ cases }) => {
  describe.each(cases)('$name', (c) => {
    it('classifies when polled only at the listed times (a busy loop)', () => {
      expect(run(c, c.polls ?? [])).toEqual(c.expect);
    });

    it('classifies the same when polled at every edge and every deadline', () => {
      const classifier = new PressClassifier({ ...DEFAULT_CLASSIFIER, ...c.config });
      const out: ClassifiedPress[] = [];
      for (const [at, button, level] of c.edges) {
        for (let next = classifier.nextDeadline(); next !== null && next < at; next = classifier.nextDeadline()) {
          out.push(...classifier.poll(next));
        }
        classifier.edge(button, level === 1, at);
        out.push(...classifier.poll(at));
      }
      for (let next = classifier.nextDeadline(); next !== null && next <= c.until; next = classifier.nextDeadline()) {
        const decided = classifier.poll(next);
        // Each deadline either decides something or moves on; a stuck deadline would loop forever.
        expect(decided.length > 0 || classifier.nextDeadline() !== next).toBe(true);
        out.push(...decided);
      }
      out.push(...classifier.poll(c.until));
      expect(out).toEqual(c.expect);
    });
  });
});

describe('press classifier', () => {
  it('refuses a button index outside the contract', () => {
    expect(() => new PressClassifier().edge(16, true, 0)).toThrow(RangeError);
  });

  it('has nothing to wait for once every gesture is decided', () => {
    const classifier = new PressClassifier();
    classifier.edge(0, true, 0);
    classifier.edge(0, false, 100);
    expect(classifier.nextDeadline()).toBe(120);
    expect(classifier.poll(1000)).toHaveLength(1);
    expect(classifier.nextDeadline()).toBeNull();
  });

  it('applies a new hold time to a press already in progress', () => {
    const classifier = new PressClassifier();
    classifier.edge(0, true, 0);
    classifier.poll(1000);
    classifier.reconfigure({ ...DEFAULT_CLASSIFIER, holdMs: 3000 });
    expect(classifier.poll(2000)).toEqual([]);
    expect(classifier.poll(3000)).toEqual([{ button: 0, action: 'hold', at: 0, decidedAt: 3000 }]);
  });

  it('treats an edge reported out of order as happening now', () => {
    const classifier = new PressClassifier();
    classifier.poll(1000);
    classifier.edge(0, true, 10);
    classifier.edge(0, false, 1100);
    expect(classifier.poll(5000)).toEqual([{ button: 0, action: 'single', at: 1000, decidedAt: 1500 }]);
  });
});
