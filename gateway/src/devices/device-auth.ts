/**
 * Device secret checks on the shared database (design §2). CONNECTs arriving together share
 * one registry SELECT. A successful scrypt check is remembered by (stored hash, digest of the
 * secret), so reconnects skip the scrypt while a rotated secret or a disabled flag still takes
 * effect at once. A hash of an older cost is re-hashed at DEVICE_SECRET_COST after it verifies.
 */
import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { DEVICE_SECRET_COST, hashSecret, needsRehash, verifySecret } from '../../../server/src/auth/password.ts';
import type { Db } from '../../../server/src/db/client.ts';
import { anyOf } from '../../../server/src/db/list-params.ts';
import { devices } from '../../../server/src/db/schema.ts';
import { createBatchLoader } from './batch-loader.ts';
import type { AuthVerdict } from './registry.ts';

type AuthRow = { id: string; secretHash: string; disabled: boolean };

const digest = (s: string) => createHash('sha256').update(s).digest('base64');

/** Up to 500 ids per SELECT; two SELECTs at most in flight, the rest wait and join. */
const LOOKUP = { maxBatch: 500, maxInFlight: 2 };

export function createDeviceAuth(db: Db): (deviceId: string, secret: string) => Promise<AuthVerdict> {
  const verified = new Map<string, string>(); // deviceId → `${secretHash}|${digest(secret)}`
  const lookup = createBatchLoader(async (ids: string[]) => {
    const rows: AuthRow[] = await db.select({ id: devices.id, secretHash: devices.secretHash, disabled: devices.disabled })
      .from(devices).where(anyOf(devices.id, ids, 'text')); // one statement text for any number of ids
    return new Map(rows.map((r) => [r.id, r]));
  }, LOOKUP);

  /** Stores the hash at the current cost unless the secret changed meanwhile; returns the hash now stored. */
  async function upgrade(row: AuthRow, secret: string): Promise<string> {
    try {
      const fresh = await hashSecret(secret, DEVICE_SECRET_COST);
      // Conditional on the old hash: a rotation racing this write is never undone.
      const done = await db.update(devices).set({ secretHash: fresh })
        .where(and(eq(devices.id, row.id), eq(devices.secretHash, row.secretHash))).returning({ id: devices.id });
      return done.length > 0 ? fresh : row.secretHash;
    } catch {
      return row.secretHash; // the secret was right: connect anyway, the next check tries again
    }
  }

  return async (deviceId, secret) => {
    const row = await lookup(deviceId);
    if (!row) return 'unknown';
    if (row.disabled) return 'disabled';
    const key = digest(secret);
    if (verified.get(deviceId) === `${row.secretHash}|${key}`) return 'ok';
    if (!(await verifySecret(secret, row.secretHash))) return 'wrong_secret';
    const stored = needsRehash(row.secretHash, DEVICE_SECRET_COST) ? await upgrade(row, secret) : row.secretHash;
    verified.set(deviceId, `${stored}|${key}`);
    return 'ok';
  };
}
