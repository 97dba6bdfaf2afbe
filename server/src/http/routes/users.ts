/** `/api/users` (design §6): people, their roles and sites. Who may call it: people/access-rules.ts. */
import { and, eq, inArray } from 'drizzle-orm';
import { Hono } from 'hono';
import { z } from 'zod';
import { ROLES, teamMembers, users } from '../../db/schema.ts';
import { notFound } from '../../errors.ts';
import { createUser } from '../../people/create-user.ts';
import { updateUser, type Changer } from '../../people/update-user.ts';
import { UserInput, UserPatch } from '../../people/user-input.ts';
import { toUserView } from '../../people/user-view.ts';
import { currentCaller, requireUser } from '../auth.ts';
import type { AppEnv } from '../env.ts';
import { keyset } from '../keyset.ts';
import { decodeCursor, page, PageQuery } from '../pagination.ts';
import { parseJson, parseQuery } from '../validate.ts';

/** A person's language (issue 8); null: their site's, then their browser's. */
const Language = z.enum(['en', 'pl', 'tr', 'fa']).nullable().optional();
/** What an admin sets on a user: the user record plus their language. */
export const AdminUserInput = UserInput.extend({ language: Language });
export const AdminUserPatch = UserPatch.extend({ language: Language });

export const UserQuery = PageQuery.extend({
  role: z.enum(ROLES).optional(),
  siteId: z.uuid().optional(),
  teamId: z.uuid().optional(),
  disabled: z.enum(['true', 'false']).optional(),
});
const UUID = /^[0-9a-f-]{36}$/i;

const changer = (c: Parameters<typeof currentCaller>[0]): Changer => {
  const caller = currentCaller(c);
  return { actor: caller.actor, userId: caller.kind === 'user' ? caller.id : null };
};

async function findUser(db: AppEnv['Variables']['deps']['database']['db'], id: string) {
  const [user] = UUID.test(id) ? await db.select().from(users).where(eq(users.id, id)) : [];
  if (!user) throw notFound('user', id);
  return user;
}

export function userRoutes() {
  const r = new Hono<AppEnv>();

  r.get('/', requireUser('admin', 'manager', 'agent'), async (c) => {
    const q = parseQuery(c, UserQuery);
    const order = keyset(users.createdAt, users.id, 'asc', decodeCursor(q.cursor));
    const { db } = c.get('deps').database;
    const rows = await db.select().from(users).where(and(
      q.role ? eq(users.role, q.role) : undefined,
      q.siteId ? eq(users.siteId, q.siteId) : undefined,
      q.disabled ? eq(users.disabled, q.disabled === 'true') : undefined,
      q.teamId ? inArray(users.id, db.select({ id: teamMembers.userId }).from(teamMembers).where(eq(teamMembers.teamId, q.teamId))) : undefined,
      order.where,
    )).orderBy(...order.orderBy).limit(q.limit + 1);
    const result = page(rows, q.limit, (u) => ({ at: u.createdAt, id: u.id }));
    return c.json({ items: result.items.map(toUserView), nextCursor: result.nextCursor });
  });

  r.get('/:id', requireUser('admin', 'manager', 'agent'), async (c) => c.json(toUserView(await findUser(c.get('deps').database.db, c.req.param('id')))));

  r.post('/', requireUser('admin'), async (c) => {
    const input = await parseJson(c, AdminUserInput);
    return c.json(toUserView(await createUser(c.get('deps').database.db, input, currentCaller(c).actor)), 201);
  });

  r.patch('/:id', requireUser('admin'), async (c) => {
    const input = await parseJson(c, AdminUserPatch);
    const { db } = c.get('deps').database;
    const user = await findUser(db, c.req.param('id'));
    return c.json(toUserView(await updateUser(db, user.id, input, changer(c))));
  });

  // People are disabled, not deleted: their tickets, comments and audit entries keep a name.
  r.delete('/:id', requireUser('admin'), async (c) => {
    const { db } = c.get('deps').database;
    const user = await findUser(db, c.req.param('id'));
    return c.json(toUserView(await updateUser(db, user.id, { disabled: true }, changer(c), 'disable')));
  });
  return r;
}
