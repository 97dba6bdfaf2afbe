/** Team membership (categories route tickets to a team; auto-assignment picks among its members). */
import { asc, eq, inArray } from 'drizzle-orm';
import { audit } from '../audit/audit.ts';
import type { Db, DbOrTx } from '../db/client.ts';
import { teamMembers, teams, users, type User } from '../db/schema.ts';
import { AppError, notFound } from '../errors.ts';

/** The members of a team, by name; NOT_FOUND when there is no such team. */
export async function listTeamMembers(db: DbOrTx, teamId: string): Promise<User[]> {
  const [team] = await db.select({ id: teams.id }).from(teams).where(eq(teams.id, teamId));
  if (!team) throw notFound('team', teamId);
  const rows = await db.select({ user: users }).from(teamMembers).innerJoin(users, eq(users.id, teamMembers.userId))
    .where(eq(teamMembers.teamId, teamId)).orderBy(asc(users.name), asc(users.id));
  return rows.map((r) => r.user);
}

/** Replaces the members of a team with `userIds`, in one transaction; audited. */
export async function setTeamMembers(db: Db, teamId: string, userIds: string[], actor: string): Promise<User[]> {
  const unique = [...new Set(userIds)];
  return db.transaction(async (tx) => {
    const [team] = await tx.select({ id: teams.id }).from(teams).where(eq(teams.id, teamId)).for('update');
    if (!team) throw notFound('team', teamId);
    const found = unique.length ? await tx.select({ id: users.id }).from(users).where(inArray(users.id, unique)) : [];
    const missing = unique.find((id) => !found.some((u) => u.id === id));
    if (missing) {
      const message = `user ${missing} does not exist`;
      throw new AppError('VALIDATION', `invalid body: userIds: ${message}`, { fields: [{ field: 'userIds', message }] });
    }
    await tx.delete(teamMembers).where(eq(teamMembers.teamId, teamId));
    if (unique.length) await tx.insert(teamMembers).values(unique.map((userId) => ({ teamId, userId })));
    await audit(tx, actor, 'set-members', 'team', teamId, { userIds: unique });
    return listTeamMembers(tx, teamId);
  });
}
