/**
 * Live device changes for the fleet page: the in-process gateway's registry, wrapped so that
 * every presence or telemetry write it made is followed by one `device.updated` event naming
 * the devices (after the write, so a page that reloads on it reads the new values). A split
 * gateway writes from its own process: there the fleet page's periodic reload is what updates it.
 */
import type { DeviceRegistry } from '../../../gateway/src/devices/registry.ts';
import type { EventBus } from '../events/bus.ts';

const idsOf = (reports: { deviceId: string }[]) => [...new Set(reports.map((r) => r.deviceId))];

export function withDeviceEvents(registry: DeviceRegistry, bus: EventBus): DeviceRegistry {
  return {
    authenticate: (deviceId, secret) => registry.authenticate(deviceId, secret),
    async recordStates(reports) {
      await registry.recordStates(reports);
      if (reports.length > 0) bus.publish('device.updated', { deviceIds: idsOf(reports) });
    },
    async recordTelemetry(reports) {
      await registry.recordTelemetry(reports);
      if (reports.length > 0) bus.publish('device.updated', { deviceIds: idsOf(reports) });
    },
  };
}
