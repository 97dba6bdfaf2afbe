/**
 * The device secrets cache: the API shows a secret once, so it is kept (mode 0600) for reruns.
 * Entries belong to the server they were issued by; another server's entries are ignored.
 */
import { z } from 'zod';
import { readJsonFile, writePrivateJson } from './json-file.ts';

export const DeviceCredentials = z.object({ username: z.string().min(1), password: z.string().min(1) });
export type DeviceCredentials = z.infer<typeof DeviceCredentials>;

const CredentialsFile = z.object({
  version: z.literal(1),
  server: z.string(),
  devices: z.record(z.string(), DeviceCredentials),
});

export class CredentialCache {
  #saving: Promise<void> = Promise.resolve();

  private constructor(
    private readonly path: string,
    private readonly server: string,
    private readonly devices: Record<string, DeviceCredentials>,
  ) {}

  static async load(path: string, server: string): Promise<CredentialCache> {
    const file = await readJsonFile(path, CredentialsFile);
    const devices = file && file.server === server ? file.devices : {};
    return new CredentialCache(path, server, { ...devices });
  }

  get(deviceId: string): DeviceCredentials | undefined {
    return this.devices[deviceId];
  }

  /** Stores and saves; saves are chained so two rotations never interleave their writes. */
  set(deviceId: string, credentials: DeviceCredentials): Promise<void> {
    this.devices[deviceId] = credentials;
    const body = { version: 1, server: this.server, devices: { ...this.devices } };
    this.#saving = this.#saving.catch(() => undefined).then(() => writePrivateJson(this.path, body));
    return this.#saving;
  }
}
