/**
 * The device registry on the shared database. Secret checks are scrypt (design §2); a
 * successful check is remembered by (stored hash, digest of the secret), so reconnects skip
 * the scrypt while a rotated secret or a disabled flag still takes effect at once.
 */
import { createHash } from 'node:crypto';
import { and, eq, isNull, lte, or } from 'drizzle-orm';
import { verifySecret } from '../../../server/src/auth/password.ts';
import type { Db } from '../../../server/src/db/client.ts';
import { devices } from '../../../server/src/db/schema.ts';
import { writeTelemetry } from '../../../server/src/tickets/press-batch/telemetry-update.ts';
import type { AuthVerdict, DeviceRegistry } from './registry.ts';

const digest = (s: string) => createHash('sha256').update(s).digest('base64');

export function createDbRegistry(db: Db): DeviceRegistry {
  const verified = new Map<string, string>(); // deviceId → `${secretHash}|${digest(secret)}`

  return {
    async authenticate(deviceId, secret): Promise<AuthVerdict> {
      const [row] = await db.select({ secretHash: devices.secretHash, disabled: devices.disabled }).from(devices).where(eq(devices.id, deviceId));
      if (!row) return 'unknown';
      if (row.disabled) return 'disabled';
      const key = `${row.secretHash}|${digest(secret)}`;
      if (verified.get(deviceId) === key) return 'ok';
      if (!(await verifySecret(secret, row.secretHash))) return 'wrong_secret';
      verified.set(deviceId, key);
      return 'ok';
    },

    async recordState(deviceId, state, at) {
      // Writes run concurrently on a pool: an older `ready` must not land after a newer `lost`.
      await db.update(devices).set({ state, stateAt: at, lastSeenAt: at, updatedAt: at })
        .where(and(eq(devices.id, deviceId), or(isNull(devices.stateAt), lte(devices.stateAt, at))));
    },

    async recordTelemetry(reports) {
      await writeTelemetry(db, reports);
    },
  };
}
