/**
 * Compile-time proof that the device answers the server sends fit what devices.ts parses
 * (like server-types.check.ts; the bundle never imports this file).
 */
import type { DeviceView } from '../../../server/src/devices/device-view.ts';
import type { DeviceEndpoints } from '../../../server/src/devices/endpoints.ts';
import type { ImportRow as ServerImportRow } from '../../../server/src/devices/import-devices.ts';
import type { Connection, Device, ImportRow } from './devices.ts';

/** What JSON.stringify makes of a server value: dates become ISO strings. */
type Json<T> = T extends Date ? string : T extends (infer U)[] ? Json<U>[] : T extends object ? { [K in keyof T]: Json<T[K]> } : T;
type Fits<Server, Client> = [Server] extends [Client] ? true : { server: Server; doesNotFit: Client };

export const DEVICE_SHAPES_FIT: [
  Fits<Json<DeviceView>, Device>,
  Fits<DeviceEndpoints, Connection>,
  Fits<ServerImportRow, ImportRow>,
] = [true, true, true];
