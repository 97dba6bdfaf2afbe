import { hashSecret } from '../auth/password.ts';
import type { Db } from '../db/client.ts';
import { users, type User } from '../db/schema.ts';
import { audit } from '../audit/audit.ts';
import type { UserInput } from './user-input.ts';
import { redactPassword } from './user-input.ts';
import { checkStaffSite, mapUserDbError } from './user-rules.ts';

/** Creates a user with a scrypt-hashed password; audited without the password. */
export async function createUser(db: Db, input: UserInput, actor: string): Promise<User> {
  checkStaffSite(input);
  const { password, ...fields } = input;
  const passwordHash = await hashSecret(password);
  return db.transaction(async (tx) => {
    const [user] = await tx.insert(users).values({ ...fields, passwordHash }).returning().catch(mapUserDbError(input.siteId));
    await audit(tx, actor, 'create', 'user', user!.id, redactPassword(input));
    return user!;
  });
}
