import { eq } from 'drizzle-orm';
import { audit } from '../audit/audit.ts';
import { hashSecret } from '../auth/password.ts';
import { deleteUserSessions } from '../auth/sessions.ts';
import type { Db } from '../db/client.ts';
import { users, type User } from '../db/schema.ts';
import { AppError, notFound } from '../errors.ts';
import type { UserPatch } from './user-input.ts';
import { redactPassword } from './user-input.ts';
import { checkAnotherAdmin, checkStaffSite, mapUserDbError } from './user-rules.ts';

export type Changer = { actor: string; userId: string | null };

/**
 * An admin's change to a user. Disabling or a new password ends the user's sessions; an admin
 * cannot lock themself out, and the last enabled admin stays one.
 */
export async function updateUser(db: Db, id: string, patch: UserPatch, by: Changer, action = 'update'): Promise<User> {
  const { password, ...fields } = patch;
  const passwordHash = password ? await hashSecret(password) : undefined;
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(users).where(eq(users.id, id)).for('update');
    if (!current) throw notFound('user', id);
    const next = { ...current, ...fields };
    checkStaffSite(next);
    const losesAdmin = current.role === 'admin' && !current.disabled && (next.role !== 'admin' || next.disabled);
    if (losesAdmin && by.userId === id) throw new AppError('CONFLICT', 'you cannot disable yourself or drop your own admin role; ask another admin');
    if (losesAdmin) await checkAnotherAdmin(tx, id);
    const [updated] = await tx.update(users).set({ ...fields, ...(passwordHash && { passwordHash }), updatedAt: new Date() })
      .where(eq(users.id, id)).returning().catch(mapUserDbError(patch.siteId));
    if (passwordHash || (next.disabled && !current.disabled)) await deleteUserSessions(tx, id);
    await audit(tx, by.actor, action, 'user', id, redactPassword(patch));
    return updated!;
  });
}
