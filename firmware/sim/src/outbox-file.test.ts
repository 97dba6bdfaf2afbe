import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadOutboxes, outboxPathFor, saveOutboxes } from './outbox-file.ts';

let dir: string;
beforeEach(async () => (dir = await mkdtemp(join(tmpdir(), 'dash-sim-'))));
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('outbox file', () => {
  it('refuses a corrupt file with a message naming it', async () => {
    const path = join(dir, 'sim-devices.outbox.json');
    await writeFile(path, '{"version":1,');
    await expect(loadOutboxes(path)).rejects.toThrow(`${path} is not JSON`);
  });

  it('stores outboxes next to the credentials and reads them back', async () => {
    const path = outboxPathFor(join(dir, 'sim-devices.json'));
    expect(path).toBe(join(dir, 'sim-devices.outbox.json'));
    const entry = { pressId: 'b-1', seq: 1, button: 0, action: 'single' as const, pressedAt: 1, attempts: 2, nextAttemptAt: 5 };
    await saveOutboxes(path, { 'sim-a-001': [entry], 'sim-a-002': [] });
    expect(await loadOutboxes(path)).toEqual({ 'sim-a-001': [entry] });
    expect(await readFile(path, 'utf8')).not.toContain('sim-a-002');
  });
});
