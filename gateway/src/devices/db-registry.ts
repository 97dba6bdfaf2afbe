/** The device registry on the shared database: secret checks (device-auth.ts), presence and telemetry writes. */
import type { Db } from '../../../server/src/db/client.ts';
import { writeStates, writeTelemetry } from '../../../server/src/tickets/press-batch/telemetry-update.ts';
import { createDeviceAuth } from './device-auth.ts';
import type { DeviceRegistry } from './registry.ts';

export function createDbRegistry(db: Db): DeviceRegistry {
  return {
    authenticate: createDeviceAuth(db),
    async recordStates(reports) {
      await writeStates(db, reports);
    },
    async recordTelemetry(reports) {
      await writeTelemetry(db, reports);
    },
  };
}
