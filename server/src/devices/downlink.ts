/**
 * Downlinks to devices: LED patterns, button config, and "disconnect now". All-in-one: straight
 * into the in-process broker. Split mode: over PostgreSQL NOTIFY on `dash_downlink`, which
 * every gateway LISTENs to and publishes into its broker (retained, QoS 1: design §2).
 */
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { Gateway } from '../../../gateway/src/gateway.ts';
import { ConfigPayload, LedPattern } from '../../../gateway/src/mqtt/contract.ts';
import type { Database } from '../db/client.ts';
import type { DeviceDownlink } from '../tickets/deps.ts';

export const DOWNLINK_CHANNEL = 'dash_downlink';

const Command = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('led'), deviceId: z.string(), button: z.number().int(), pattern: LedPattern }),
  z.object({ kind: z.literal('config'), deviceId: z.string(), payload: ConfigPayload }),
  z.object({ kind: z.literal('kick'), deviceId: z.string() }),
]);
type Command = z.infer<typeof Command>;

function apply(gateway: Gateway, c: Command): void {
  if (c.kind === 'led') gateway.sendDown(c.deviceId, 'led/set', { button: c.button, pattern: c.pattern });
  if (c.kind === 'config') gateway.sendDown(c.deviceId, 'config', c.payload);
  if (c.kind === 'kick') gateway.disconnect(c.deviceId);
}

export function gatewayDownlink(gateway: Gateway): DeviceDownlink & { kick(deviceId: string): void } {
  return {
    led: (deviceId, button, pattern) => apply(gateway, { kind: 'led', deviceId, button, pattern }),
    config: (deviceId, payload) => apply(gateway, { kind: 'config', deviceId, payload }),
    kick: (deviceId) => apply(gateway, { kind: 'kick', deviceId }),
  };
}

/** Split server: commands go out as NOTIFY; a gateway that hosts the device delivers them. */
export function notifyDownlink(database: Database, log: Logger): DeviceDownlink & { kick(deviceId: string): void } {
  const send = (c: Command) => {
    database.db.execute(sql`select pg_notify(${DOWNLINK_CHANNEL}, ${JSON.stringify(c)})`)
      .catch((err: Error) => log.warn({ deviceId: c.deviceId, kind: c.kind, err: err.message }, 'downlink notify failed'));
  };
  return {
    led: (deviceId, button, pattern) => send({ kind: 'led', deviceId, button, pattern }),
    config: (deviceId, payload) => send({ kind: 'config', deviceId, payload }),
    kick: (deviceId) => send({ kind: 'kick', deviceId }),
  };
}

/** Split gateway: LISTEN for downlink commands and publish them into this broker. */
export async function listenForDownlinks(url: string, gateway: Gateway, log: Logger): Promise<() => Promise<void>> {
  const listener = postgres(url, { max: 1, onnotice: () => {} });
  await listener.listen(DOWNLINK_CHANNEL, (payload) => {
    let parsed: ReturnType<typeof Command.safeParse>;
    try {
      parsed = Command.safeParse(JSON.parse(payload));
    } catch {
      parsed = Command.safeParse(null);
    }
    if (parsed.success) apply(gateway, parsed.data);
    else log.warn({ payload: payload.slice(0, 200) }, 'ignored a malformed downlink command');
  });
  return () => listener.end({ timeout: 2 });
}
