import { describe, expect, it } from 'vitest';
import { DEVICE_SECRET_COST, generateSecret, hashSecret, needsRehash, PASSWORD_COST, verifySecret } from './password.ts';

describe('password hashing', () => {
  it('verifies the right secret and refuses a wrong one', async () => {
    const stored = await hashSecret('correct horse', DEVICE_SECRET_COST);
    expect(stored).toMatch(/^scrypt\$4\$8\$1\$/);
    await expect(verifySecret('correct horse', stored)).resolves.toBe(true);
    await expect(verifySecret('correct hors', stored)).resolves.toBe(false);
  });

  it('verifies a hash made at another cost, which names its own cost', async () => {
    const older = await hashSecret('device secret', { logN: 10, r: 8, p: 1 });
    await expect(verifySecret('device secret', older)).resolves.toBe(true);
    await expect(verifySecret('device secret!', older)).resolves.toBe(false);
  });

  it('asks for a re-hash only when the stored cost differs from the current one', async () => {
    expect(needsRehash(await hashSecret('s', DEVICE_SECRET_COST), DEVICE_SECRET_COST)).toBe(false);
    expect(needsRehash(await hashSecret('s', { logN: 10, r: 8, p: 1 }), DEVICE_SECRET_COST)).toBe(true);
    expect(needsRehash(await hashSecret('s', DEVICE_SECRET_COST), PASSWORD_COST)).toBe(true);
    expect(needsRehash('plain-text', DEVICE_SECRET_COST)).toBe(true);
  });

  it('salts each hash, so equal secrets hash differently', async () => {
    const a = await hashSecret('same', DEVICE_SECRET_COST);
    const b = await hashSecret('same', DEVICE_SECRET_COST);
    expect(a).not.toBe(b);
  });

  it('refuses a malformed stored hash instead of throwing', async () => {
    await expect(verifySecret('x', 'plain-text')).resolves.toBe(false);
  });

  it('generates URL-safe secrets of 256 bits', () => {
    expect(generateSecret()).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});
