/** The device registry on the shared database: secret checks (device-auth.ts), presence and telemetry writes. */
import { and, eq, isNull, lte, or } from 'drizzle-orm';
import type { Db } from '../../../server/src/db/client.ts';
import { devices } from '../../../server/src/db/schema.ts';
import { writeTelemetry } from '../../../server/src/tickets/press-batch/telemetry-update.ts';
import { createDeviceAuth } from './device-auth.ts';
import type { DeviceRegistry } from './registry.ts';

export function createDbRegistry(db: Db): DeviceRegistry {
  return {
    authenticate: createDeviceAuth(db),

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
