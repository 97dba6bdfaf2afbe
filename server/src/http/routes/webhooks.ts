/** `/api/webhooks`: admin CRUD, a test delivery, and each webhook's delivery log (design §7). */
import { Hono } from 'hono';
import { z } from 'zod';
import { listNotifications } from '../../notify/delivery-log.ts';
import { NOTIFICATION_STATUSES } from '../../notify/domain/event-types.ts';
import { wakeNotifications } from '../../notify/wake.ts';
import {
  createWebhook, deleteWebhook, enqueueWebhookTest, getWebhook, listWebhooks, toWebhookView, updateWebhook, WebhookInput, WebhookPatch,
} from '../../notify/webhooks.ts';
import { actorOf, requireUser } from '../auth.ts';
import type { AppEnv } from '../env.ts';
import { PageQuery } from '../pagination.ts';
import { parseJson, parseQuery } from '../validate.ts';

export function webhookRoutes() {
  const r = new Hono<AppEnv>();
  const db = (c: { get(k: 'deps'): AppEnv['Variables']['deps'] }) => c.get('deps').database.db;

  r.get('/', requireUser('admin'), async (c) => c.json(await listWebhooks(db(c), parseQuery(c, PageQuery))));

  r.get('/:id', requireUser('admin'), async (c) => c.json(toWebhookView(await getWebhook(db(c), c.req.param('id')))));

  // The secret is in this answer only: receivers need it to check X-Dash-Signature.
  r.post('/', requireUser('admin'), async (c) => c.json(await createWebhook(db(c), await parseJson(c, WebhookInput), actorOf(c)), 201));

  r.patch('/:id', requireUser('admin'), async (c) => {
    const patch = await parseJson(c, WebhookPatch);
    return c.json(await updateWebhook(db(c), c.req.param('id'), patch, actorOf(c)));
  });

  r.delete('/:id', requireUser('admin'), async (c) => {
    await deleteWebhook(db(c), c.req.param('id'), actorOf(c));
    return c.body(null, 204);
  });

  r.post('/:id/test', requireUser('admin'), async (c) => {
    const queued = await enqueueWebhookTest(db(c), c.req.param('id'), actorOf(c), c.get('deps').now());
    wakeNotifications(db(c));
    return c.json(queued, 202);
  });

  r.get('/:id/deliveries', requireUser('admin', 'manager'), async (c) => {
    const q = parseQuery(c, PageQuery.extend({ status: z.enum(NOTIFICATION_STATUSES).optional() }));
    const hook = await getWebhook(db(c), c.req.param('id'));
    return c.json(await listNotifications(db(c), { ...q, webhookId: hook.id }));
  });
  return r;
}
