import { eq } from 'drizzle-orm';
import { audit } from '../audit/audit.ts';
import { hashSecret, verifySecret } from '../auth/password.ts';
import { deleteUserSessions } from '../auth/sessions.ts';
import type { Db } from '../db/client.ts';
import { users, type User } from '../db/schema.ts';
import { redactPassword, type OwnProfilePatch } from './user-input.ts';

export type OwnProfileResult = { kind: 'updated'; user: User } | { kind: 'wrong-password' };

/**
 * A user changes their own name, language or password. A new password needs the current one (a
 * borrowed session must not take the account over) and ends the user's other sessions.
 */
export async function updateOwnProfile(db: Db, user: User, patch: OwnProfilePatch, sessionToken: string | undefined): Promise<OwnProfileResult> {
  if (patch.password && !(await verifySecret(patch.currentPassword ?? '', user.passwordHash))) return { kind: 'wrong-password' };
  const passwordHash = patch.password ? await hashSecret(patch.password) : undefined;
  const updated = await db.transaction(async (tx) => {
    const [row] = await tx.update(users)
      .set({
        ...(patch.name !== undefined && { name: patch.name }), ...(patch.language !== undefined && { language: patch.language }),
        ...(passwordHash && { passwordHash }), updatedAt: new Date(),
      })
      .where(eq(users.id, user.id)).returning();
    if (passwordHash) await deleteUserSessions(tx, user.id, sessionToken);
    const { currentPassword: _, ...change } = patch;
    await audit(tx, `user:${user.id}`, 'update-own-profile', 'user', user.id, redactPassword(change));
    return row!;
  });
  return { kind: 'updated', user: updated };
}
