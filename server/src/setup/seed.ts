/**
 * First start: the built-in categories (named in every language Dash speaks, issue 8) and the
 * first admin (design §6). Idempotent. Sites, calendars and the rest are the admin's to make:
 * README "Languages" shows an Iranian site on a Saturday–Wednesday week and a Sunday–Thursday one.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { categories, users } from '../db/schema.ts';
import { generateSecret, hashSecret } from '../auth/password.ts';
import { TRIAGE_KEY } from '../tickets/press-context.ts';

export const DEVICE_HEALTH_KEY = 'device-health';

/** Per-language names of the built-in categories (the plain `name` is the English one). */
export const BUILT_IN_NAMES: Record<string, Record<string, string>> = {
  [TRIAGE_KEY]: { pl: 'Do przydzielenia (przycisk bez kategorii)', tr: 'Sınıflandırılacak (eşlenmemiş düğme)', fa: 'دسته‌بندی‌نشده (دکمهٔ بدون دسته)' },
  [DEVICE_HEALTH_KEY]: { pl: 'Stan urządzeń', tr: 'Cihaz sağlığı', fa: 'سلامت دستگاه' },
};

export type SeedResult = { adminEmail: string; generatedPassword?: string; adminCreated: boolean };

export async function seedBaseline(db: Db, admin: { email: string; password?: string | undefined }): Promise<SeedResult> {
  await db.insert(categories).values([
    { key: TRIAGE_KEY, name: 'Triage (unmapped button)', defaultPriority: 'P3', builtIn: true, names: BUILT_IN_NAMES[TRIAGE_KEY] },
    { key: DEVICE_HEALTH_KEY, name: 'Device health', defaultPriority: 'P4', builtIn: true, names: BUILT_IN_NAMES[DEVICE_HEALTH_KEY] },
  ]).onConflictDoNothing();
  // Installs from before issue 8 get the names too, unless an admin has named them already.
  for (const [key, names] of Object.entries(BUILT_IN_NAMES)) {
    await db.update(categories).set({ names }).where(and(eq(categories.key, key), sql`${categories.names} = '{}'::jsonb`));
  }

  const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.role, 'admin')).limit(1);
  if (existing) return { adminEmail: admin.email, adminCreated: false };
  const password = admin.password ?? generateSecret(12);
  await db.insert(users).values({
    email: admin.email.toLowerCase(), name: 'Administrator', role: 'admin', passwordHash: await hashSecret(password),
  }).onConflictDoNothing();
  return { adminEmail: admin.email, adminCreated: true, ...(admin.password ? {} : { generatedPassword: password }) };
}
