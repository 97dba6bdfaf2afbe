import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CredentialCache } from './credentials-file.ts';

let dir: string;
beforeEach(async () => (dir = await mkdtemp(join(tmpdir(), 'dash-sim-'))));
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('credential cache', () => {
  it('keeps device secrets readable by the owner only, for the next run', async () => {
    const path = join(dir, 'nested', 'sim-devices.json');
    await (await CredentialCache.load(path, 'http://a')).set('sim-a-001', { username: 'sim-a-001', password: 's3cret' });
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect((await CredentialCache.load(path, 'http://a')).get('sim-a-001')?.password).toBe('s3cret');
  });

  it('ignores secrets issued by another server', async () => {
    const path = join(dir, 'sim-devices.json');
    await (await CredentialCache.load(path, 'http://a')).set('sim-a-001', { username: 'sim-a-001', password: 's3cret' });
    expect((await CredentialCache.load(path, 'http://b')).get('sim-a-001')).toBeUndefined();
  });
});
