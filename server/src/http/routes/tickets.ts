import { and, desc, eq, inArray, lt, or } from 'drizzle-orm';
import { Hono } from 'hono';
import { z } from 'zod';
import { OPEN_STATUSES, TICKET_STATUSES, tickets } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import { loadTicketDetail, toTicketView } from '../../tickets/ticket-view.ts';
import { currentCaller, requireUser } from '../auth.ts';
import type { AppEnv } from '../env.ts';
import { decodeCursor, page, PageQuery } from '../pagination.ts';
import { parseQuery } from '../validate.ts';

const StatusFilter = z.string().transform((s) => s.split(',').flatMap((x) => (x === 'open' ? [...OPEN_STATUSES] : [x])))
  .pipe(z.array(z.enum(TICKET_STATUSES, { error: `status must be open or one of ${TICKET_STATUSES.join(', ')}` })));

export const TicketQuery = PageQuery.extend({
  status: StatusFilter.optional(),
  siteId: z.uuid().optional(),
  categoryId: z.uuid().optional(),
  assigneeId: z.uuid().optional(),
  deviceId: z.string().optional(),
});

export function ticketRoutes() {
  const r = new Hono<AppEnv>();

  r.get('/', requireUser(), async (c) => {
    const q = parseQuery(c, TicketQuery);
    const user = currentCaller(c);
    // Staff see their own site only (design §6).
    const siteId = user.role === 'staff' ? (user.siteId ?? '00000000-0000-0000-0000-000000000000') : q.siteId;
    const cursor = decodeCursor(q.cursor);
    const rows = await c.get('deps').database.db.select().from(tickets).where(and(
      q.status ? inArray(tickets.status, q.status) : undefined,
      siteId ? eq(tickets.siteId, siteId) : undefined,
      q.categoryId ? eq(tickets.categoryId, q.categoryId) : undefined,
      q.assigneeId ? eq(tickets.assigneeId, q.assigneeId) : undefined,
      q.deviceId ? eq(tickets.deviceId, q.deviceId) : undefined,
      cursor ? or(lt(tickets.openedAt, new Date(cursor.at)), and(eq(tickets.openedAt, new Date(cursor.at)), lt(tickets.id, cursor.id))) : undefined,
    )).orderBy(desc(tickets.openedAt), desc(tickets.id)).limit(q.limit + 1);
    const result = page(rows, q.limit, (t) => ({ at: t.openedAt, id: t.id }));
    return c.json({ items: result.items.map(toTicketView), nextCursor: result.nextCursor });
  });

  r.get('/:ref', requireUser(), async (c) => {
    const detail = await loadTicketDetail(c.get('deps').database.db, c.req.param('ref'));
    const user = currentCaller(c);
    if (user.role === 'staff' && detail.siteId !== user.siteId) throw new AppError('NOT_FOUND', `ticket ${c.req.param('ref')} does not exist`);
    return c.json(detail);
  });
  return r;
}
