/**
 * Presence (`$state`, design §2) as the fleet page reads it: written through the gateway's
 * coalesced writer, followed by a `device.updated` event, and never moved back in time.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { topicFor } from '../gateway/src/mqtt/contract.ts';
import { devices } from '../server/src/db/schema.ts';
import type { DashEvent } from '../server/src/events/bus.ts';
import { writeStates } from '../server/src/tickets/press-batch/telemetry-update.ts';
import { testDatabases } from './helpers/databases.ts';
import { connectDevice, waitFor } from './helpers/device.ts';
import { startTestSystem, type TestSystem } from './helpers/system.ts';

describe.each(testDatabases())('device presence on $name', (db) => {
  let t: TestSystem;
  beforeAll(async () => {
    t = await startTestSystem(db);
  });
  afterAll(async () => {
    await t?.stop();
  });

  const stateOf = async (id: string) =>
    (await t.system.database.db.select({ state: devices.state, stateAt: devices.stateAt }).from(devices).where(eq(devices.id, id)))[0]!;

  it('writes the states of several devices and then names them in a device.updated event', async () => {
    const site = await t.site();
    const creds = await Promise.all([0, 1, 2].map(() => t.device(site.id, []).then((d) => d.credentials)));
    const buttons = await Promise.all(creds.map((c) => connectDevice(t.mqttUrl, c.username, c.password)));
    const named = new Set<string>();
    const stop = t.system.bus.subscribe((e: DashEvent) => {
      if (e.type === 'device.updated') for (const id of e.data.deviceIds as string[]) named.add(id);
    });
    await Promise.all(buttons.map((b) => b.client.publishAsync(topicFor(b.id, '$state'), 'ready', { qos: 1, retain: true })));
    await waitFor(() => buttons.every((b) => named.has(b.id)) || undefined, 5000, 'device.updated for every button');
    stop();
    for (const b of buttons) expect((await stateOf(b.id)).state).toBe('ready'); // the event came after the write
    await Promise.all(buttons.map((b) => b.end()));
  });

  it('never lets an older state overwrite a newer one, in one write or across writes', async () => {
    const site = await t.site();
    const [a, b] = await Promise.all([0, 1].map(() => t.device(site.id, []).then((d) => d.credentials.username)));
    const at = (s: number) => new Date(Date.UTC(2026, 0, 1, 12, 0, s));
    await writeStates(t.system.database.db, [{ deviceId: a!, state: 'lost', at: at(2) }]);
    await writeStates(t.system.database.db, [{ deviceId: a!, state: 'ready', at: at(1) }]);
    await writeStates(t.system.database.db, [
      { deviceId: b!, state: 'lost', at: at(2) }, { deviceId: b!, state: 'ready', at: at(1) }, { deviceId: a!, state: 'sleeping', at: at(3) },
    ]);
    expect(await stateOf(a!)).toEqual({ state: 'sleeping', stateAt: at(3) });
    expect(await stateOf(b!)).toEqual({ state: 'lost', stateAt: at(2) });
  });
});
