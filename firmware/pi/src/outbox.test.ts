import { spawn } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { JOURNAL_FILE } from './journal.ts';
import { Outbox, type NewPress } from './outbox.ts';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'dash-outbox-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const press = (over: Partial<NewPress> = {}): NewPress => ({ button: 0, action: 'single', pressedAt: 1_767_225_600_000, synced: true, ...over });

/** Runs the child, reads `lines` lines of output, then kills it with SIGKILL. */
function recordThenKill(dir: string, count: number, ackEvery: number): Promise<string[]> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, '../test-support/press-then-hang.ts'), dir, String(count), String(ackEvery)]);
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const lines = out.split('\n').filter(Boolean);
      if (lines.length === count) {
        child.kill('SIGKILL');
        child.once('exit', () => resolve(lines));
      }
    });
    child.once('error', reject);
    child.stderr.on('data', (chunk: Buffer) => reject(new Error(chunk.toString())));
  });
}

describe('outbox journal', () => {
  it('replays every press recorded before the process was killed, with its id and time, minus the acked ones', async () => {
    const dir = tempDir();
    const lines = await recordThenKill(dir, 10, 3);
    const expected = lines.filter((l) => !l.endsWith(' acked'));
    const outbox = Outbox.open(dir);
    expect(outbox.pending().map((p) => p.pressId)).toEqual(expected);
    expect(outbox.pending().map((p) => p.pressedAt)).toEqual([1, 2, 4, 5, 7, 8].map((i) => 1_767_225_600_000 + i));
    expect(outbox.pending().every((p) => p.replayed)).toBe(true);
    outbox.close();
  });

  it('never reuses a sequence number after a restart, even when every press was acked and compacted', async () => {
    const dir = tempDir();
    await recordThenKill(dir, 4, 1);
    const outbox = Outbox.open(dir);
    expect(outbox.size).toBe(0);
    expect(outbox.record(press()).seq).toBe(4);
    outbox.close();
  });

  it('drops a line cut short by a crash and keeps appending after it', () => {
    const dir = tempDir();
    const first = Outbox.open(dir, { tag: 'a' });
    first.record(press());
    first.close();
    appendFileSync(join(dir, JOURNAL_FILE), '{"t":"press","pressId":"a-1","se');
    const second = Outbox.open(dir, { tag: 'b' });
    expect(second.skipped).toBe(1);
    second.record(press({ button: 3 }));
    second.close();
    const third = Outbox.open(dir, { tag: 'c' });
    expect(third.skipped).toBe(0);
    expect(third.pending().map((p) => [p.pressId, p.button])).toEqual([['a-0', 0], ['b-1', 3]]);
    third.close();
  });

  it('skips a corrupt line in the middle instead of refusing to start', () => {
    const dir = tempDir();
    const first = Outbox.open(dir, { tag: 'a' });
    first.record(press());
    appendFileSync(join(dir, JOURNAL_FILE), 'garbage\n{"t":"press","pressId":"bad id","seq":9}\n');
    first.record(press({ button: 1 }));
    first.close();
    const second = Outbox.open(dir);
    expect(second.skipped).toBe(2);
    expect(second.pending().map((p) => p.pressId)).toEqual(['a-0', 'a-1']);
    second.close();
  });

  it('compacts acked presses away, so the journal does not grow for ever', () => {
    const dir = tempDir();
    const outbox = Outbox.open(dir, { tag: 'a', compactAfter: 5 });
    for (let i = 0; i < 20; i++) outbox.ack(outbox.record(press()).pressId);
    const kept = outbox.record(press({ action: 'hold' }));
    const lines = readFileSync(join(dir, JOURNAL_FILE), 'utf8').trim().split('\n');
    expect(lines.length).toBeLessThanOrEqual(6);
    expect(JSON.parse(lines.at(-1)!)).toMatchObject({ t: 'press', pressId: kept.pressId, action: 'hold' });
    outbox.close();
  });

  it('ignores an ack for a press it does not hold', () => {
    const outbox = Outbox.open(tempDir(), { tag: 'a' });
    const p = outbox.record(press());
    expect(outbox.ack('a-99')).toBeUndefined();
    expect(outbox.ack(p.pressId)?.pressId).toBe('a-0');
    expect(outbox.ack(p.pressId)).toBeUndefined();
    outbox.close();
  });
});
