/** `/api/teams` (design §6): the generic admin CRUD, plus members. */
import { z } from 'zod';
import { teams } from '../../db/schema.ts';
import { notFound } from '../../errors.ts';
import { listTeamMembers, setTeamMembers } from '../../people/team-members.ts';
import { toUserView } from '../../people/user-view.ts';
import { actorOf, requireUser } from '../auth.ts';
import { crudRoutes } from '../crud.ts';
import { parseJson } from '../validate.ts';

export const TeamInput = z.strictObject({
  name: z.string().trim().min(1).max(200),
  email: z.email().max(320).nullable().optional(),
});
export const Members = z.strictObject({ userIds: z.array(z.uuid()).max(1000) });
const UUID = /^[0-9a-f-]{36}$/i;

export function teamRoutes() {
  const r = crudRoutes({
    entity: 'team',
    table: teams,
    create: TeamInput,
    patch: TeamInput.partial(),
    conflictMessage: 'a team with this name already exists',
    inUseMessage: 'the team is still referenced',
  });

  r.get('/:id/members', requireUser('admin', 'manager', 'agent'), async (c) => {
    const id = c.req.param('id');
    if (!UUID.test(id)) throw notFound('team', id);
    return c.json({ items: (await listTeamMembers(c.get('deps').database.db, id)).map(toUserView) });
  });

  r.put('/:id/members', requireUser('admin'), async (c) => {
    const { userIds } = await parseJson(c, Members);
    const id = c.req.param('id');
    if (!UUID.test(id)) throw notFound('team', id);
    const members = await setTeamMembers(c.get('deps').database.db, id, userIds, actorOf(c));
    return c.json({ items: members.map(toUserView) });
  });
  return r;
}
