import { describe, expect, it } from 'vitest';
import { DEVICE_SECRET_COST, generateSecret, hashSecret, verifySecret } from './password.ts';

describe('password hashing', () => {
  it('verifies the right secret and refuses a wrong one', async () => {
    const stored = await hashSecret('correct horse', DEVICE_SECRET_COST);
    expect(stored).toMatch(/^scrypt\$10\$8\$1\$/);
    await expect(verifySecret('correct horse', stored)).resolves.toBe(true);
    await expect(verifySecret('correct hors', stored)).resolves.toBe(false);
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
