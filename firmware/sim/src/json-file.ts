/** Small private JSON files (credentials, outbox): validated on read, replaced atomically on write. */
import { chmod, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { z } from 'zod';

/** The parsed file, or undefined when it does not exist yet; a corrupt file is an error. */
export async function readJsonFile<S extends z.ZodType>(path: string, schema: S): Promise<z.infer<S> | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new Error(`${path} is not JSON; fix or delete it`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new Error(`${path} has an unexpected shape (${parsed.error.issues[0]?.message}); fix or delete it`);
  return parsed.data;
}

/**
 * Writes `value` readable by the owner only (it holds device secrets). Write-then-rename, so a
 * crash mid-write leaves the previous file rather than half a file.
 */
export async function writePrivateJson(path: string, value: unknown): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.tmp`;
  await writeFile(temp, `${JSON.stringify(value, null, 2)}\n`, { mode: 0o600 });
  await rename(temp, path);
  await chmod(path, 0o600);
}
