/**
 * scrypt hashes for user passwords and device secrets (design §2, §6), self-describing:
 * `scrypt$<logN>$<r>$<p>$<salt b64>$<hash b64>`.
 */
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

type Cost = { logN: number; r: number; p: number };
/** Human passwords are guessable: full cost (~50 ms). */
export const PASSWORD_COST: Cost = { logN: 15, r: 8, p: 1 };
/**
 * Device secrets are 256 random bits, so brute force is hopeless at any cost; a light cost
 * keeps a reconnect storm of thousands of buttons from pinning the CPU.
 */
export const DEVICE_SECRET_COST: Cost = { logN: 10, r: 8, p: 1 };
const KEY_LEN = 32;

function derive(secret: string, salt: Buffer, cost: Cost): Promise<Buffer> {
  const N = 2 ** cost.logN;
  return new Promise((resolve, reject) => {
    scrypt(secret, salt, KEY_LEN, { N, r: cost.r, p: cost.p, maxmem: 256 * N * cost.r }, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

export async function hashSecret(secret: string, cost: Cost = PASSWORD_COST): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(secret, salt, cost);
  return ['scrypt', cost.logN, cost.r, cost.p, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function verifySecret(secret: string, stored: string): Promise<boolean> {
  const [scheme, logN, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const key = await derive(secret, Buffer.from(salt, 'base64'), { logN: Number(logN), r: Number(r), p: Number(p) });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** A random secret for a device or a generated admin password (URL-safe). */
export function generateSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}
