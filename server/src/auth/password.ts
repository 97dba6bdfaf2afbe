/**
 * scrypt hashes for user passwords and device secrets (design §2, §6), self-describing:
 * `scrypt$<logN>$<r>$<p>$<salt b64>$<hash b64>`.
 */
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

type Cost = { logN: number; r: number; p: number };
/** Human passwords are guessable: full cost (~50 ms). */
export const PASSWORD_COST: Cost = { logN: 15, r: 8, p: 1 };
/**
 * Device secrets are 256 random bits (generateSecret), so brute force is hopeless at any cost:
 * the cost only bounds the CPU a CONNECT storm, or an attacker's wrong-secret CONNECTs, can
 * force. Measured here per check: logN 10 2.9 ms, 8 0.75 ms, 6 0.21 ms, 4 0.06–0.09 ms, and a
 * floor of ~0.04 ms at logN 1. Hashes of another cost still verify and are re-hashed at this one.
 */
export const DEVICE_SECRET_COST: Cost = { logN: 4, r: 8, p: 1 };
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

/** Whether `stored` was hashed at another cost (or scheme) than `cost`: re-hash it after a successful check. */
export function needsRehash(stored: string, cost: Cost): boolean {
  const [scheme, logN, r, p] = stored.split('$');
  return scheme !== 'scrypt' || Number(logN) !== cost.logN || Number(r) !== cost.r || Number(p) !== cost.p;
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
