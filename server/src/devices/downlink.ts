import type { Gateway } from '../../../gateway/src/gateway.ts';
import type { DeviceDownlink } from '../tickets/deps.ts';

/** LED patterns and button config through the in-process broker (retained, QoS 1: design §2). */
export function gatewayDownlink(gateway: Gateway): DeviceDownlink {
  return {
    led: (deviceId, button, pattern) => gateway.sendDown(deviceId, 'led/set', { button, pattern }),
    config: (deviceId, payload) => gateway.sendDown(deviceId, 'config', payload),
  };
}
