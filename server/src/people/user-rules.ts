/** Rules every saved user meets, and the database errors a save can hit, as API errors. */
import { and, eq, ne } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';
import { sqlState } from '../db/errors.ts';
import { users, type Role } from '../db/schema.ts';
import { AppError } from '../errors.ts';

function invalid(field: string, message: string): AppError {
  return new AppError('VALIDATION', `invalid body: ${field}: ${message}`, { fields: [{ field, message }] });
}

/** Staff are scoped to a site (design §6): a staff user without one could see nothing. */
export function checkStaffSite(row: { role: Role; siteId?: string | null | undefined }): void {
  if (row.role === 'staff' && !row.siteId) throw invalid('siteId', 'required for staff');
}

/** There is always an enabled admin left, or nobody could manage Dash. */
export async function checkAnotherAdmin(tx: DbOrTx, leavingId: string): Promise<void> {
  // FOR UPDATE: two admins demoting each other at once wait for one another instead of both passing.
  const others = await tx.select({ id: users.id }).from(users)
    .where(and(eq(users.role, 'admin'), eq(users.disabled, false), ne(users.id, leavingId))).for('update');
  if (others.length === 0) throw new AppError('CONFLICT', 'this is the last enabled admin; make another admin first');
}

export function mapUserDbError(siteId: string | null | undefined) {
  return (err: unknown): never => {
    const state = sqlState(err);
    if (state === '23505') throw new AppError('CONFLICT', 'a user with this e-mail already exists');
    if (state === '23503') throw invalid('siteId', `site ${siteId} does not exist`);
    throw err;
  };
}
