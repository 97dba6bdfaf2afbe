/** `/api/notifications`: the delivery log of every channel, and the retry of dead letters. */
import { Hono } from 'hono';
import { z } from 'zod';
import { getNotification, listNotifications, retryNotification } from '../../notify/delivery-log.ts';
import { CHANNELS, NOTIFICATION_STATUSES } from '../../notify/domain/event-types.ts';
import { wakeNotifications } from '../../notify/wake.ts';
import { actorOf, requireUser } from '../auth.ts';
import type { AppEnv } from '../env.ts';
import { PageQuery } from '../pagination.ts';
import { parseQuery } from '../validate.ts';

export const NotificationQuery = PageQuery.extend({
  status: z.enum(NOTIFICATION_STATUSES).optional(),
  channel: z.enum(CHANNELS).optional(),
  ticketId: z.uuid().optional(),
  webhookId: z.uuid().optional(),
});

export function notificationRoutes() {
  const r = new Hono<AppEnv>();

  r.get('/', requireUser('admin', 'manager'), async (c) => c.json(await listNotifications(c.get('deps').database.db, parseQuery(c, NotificationQuery))));

  r.get('/:id', requireUser('admin', 'manager'), async (c) => c.json(await getNotification(c.get('deps').database.db, c.req.param('id'))));

  r.post('/:id/retry', requireUser('admin', 'manager'), async (c) => {
    const { database, now } = c.get('deps');
    const view = await retryNotification(database.db, c.req.param('id'), actorOf(c), now());
    wakeNotifications(database.db);
    return c.json(view);
  });
  return r;
}
