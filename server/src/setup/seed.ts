/** First start: the built-in categories and the first admin (design §6). Idempotent. */
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { categories, users } from '../db/schema.ts';
import { generateSecret, hashSecret } from '../auth/password.ts';
import { TRIAGE_KEY } from '../tickets/press-context.ts';

export const DEVICE_HEALTH_KEY = 'device-health';

export type SeedResult = { adminEmail: string; generatedPassword?: string; adminCreated: boolean };

export async function seedBaseline(db: Db, admin: { email: string; password?: string | undefined }): Promise<SeedResult> {
  await db.insert(categories).values([
    { key: TRIAGE_KEY, name: 'Triage (unmapped button)', defaultPriority: 'P3', builtIn: true },
    { key: DEVICE_HEALTH_KEY, name: 'Device health', defaultPriority: 'P4', builtIn: true },
  ]).onConflictDoNothing();

  const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.role, 'admin')).limit(1);
  if (existing) return { adminEmail: admin.email, adminCreated: false };
  const password = admin.password ?? generateSecret(12);
  await db.insert(users).values({
    email: admin.email.toLowerCase(), name: 'Administrator', role: 'admin', passwordHash: await hashSecret(password),
  }).onConflictDoNothing();
  return { adminEmail: admin.email, adminCreated: true, ...(admin.password ? {} : { generatedPassword: password }) };
}
