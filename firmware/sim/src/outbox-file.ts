/**
 * Outboxes on disk, next to the credentials: "durable enough" for a simulator, so a restarted
 * run resends what the last one never saw acknowledged.
 */
import { basename, dirname, join } from 'node:path';
import { z } from 'zod';
import { readJsonFile, writePrivateJson } from './json-file.ts';
import { OutboxEntry } from './outbox.ts';

const OutboxFile = z.object({ version: z.literal(1), devices: z.record(z.string(), z.array(OutboxEntry)) });
export type OutboxRecord = Record<string, OutboxEntry[]>;

/** `./data/sim-devices.json` → `./data/sim-devices.outbox.json`. */
export function outboxPathFor(credentialsPath: string): string {
  return join(dirname(credentialsPath), `${basename(credentialsPath, '.json')}.outbox.json`);
}

export async function loadOutboxes(path: string): Promise<OutboxRecord> {
  return (await readJsonFile(path, OutboxFile))?.devices ?? {};
}

export async function saveOutboxes(path: string, devices: OutboxRecord): Promise<void> {
  // Devices without pending presses are left out to keep the file small.
  const pending = Object.fromEntries(Object.entries(devices).filter(([, entries]) => entries.length > 0));
  await writePrivateJson(path, { version: 1, devices: pending });
}
