/** Ticket verbs over HTTP (design §7): each route validates, calls one verb, returns the ticket. */
import { Hono } from 'hono';
import { z } from 'zod';
import { PRIORITIES } from '../../db/schema.ts';
import { STATUS_VERBS } from '../../domain/ticket-states.ts';
import { AppError } from '../../errors.ts';
import { explainSla, previewSla } from '../../sla/explain-sla.ts';
import { assignTicket } from '../../tickets/assign-ticket.ts';
import { changeStatus } from '../../tickets/change-status.ts';
import { commentTicket } from '../../tickets/comment-ticket.ts';
import { createTicket } from '../../tickets/create-ticket.ts';
import { updateTicket } from '../../tickets/update-ticket.ts';
import { actorOf, currentCaller, requireUser } from '../auth.ts';
import type { AppEnv } from '../env.ts';
import { parseJson, parseOptionalJson, parseQuery } from '../validate.ts';

const DESK = ['admin', 'manager', 'agent'] as const;
export const Note = z.strictObject({ note: z.string().trim().max(5000).optional() });
export const Assign = z.union([z.strictObject({ assigneeId: z.uuid().nullable() }), z.strictObject({ auto: z.literal(true) })]);
export const Comment = z.strictObject({ text: z.string().trim().min(1).max(10_000) });
export const Patch = z.strictObject({ priority: z.enum(PRIORITIES).optional(), categoryId: z.uuid().optional(), title: z.string().trim().min(1).max(200).optional() })
  .refine((p) => Object.keys(p).length > 0, 'give at least one of priority, categoryId, title');
export const NewTicket = z.strictObject({
  siteId: z.uuid(), categoryId: z.uuid(), priority: z.enum(PRIORITIES).optional(),
  title: z.string().trim().min(1).max(200).optional(), description: z.string().max(10_000).optional(),
});
export const Preview = z.object({ siteId: z.uuid(), categoryId: z.uuid(), priority: z.enum(PRIORITIES).optional(), source: z.enum(['button', 'virtual', 'manual', 'api', 'device_health']).default('button') });

export function ticketActionRoutes() {
  const r = new Hono<AppEnv>();
  const deps = (c: { get(k: 'deps'): AppEnv['Variables']['deps'] }) => c.get('deps').tickets;
  const actor = (c: Parameters<typeof actorOf>[0]) => ({ id: actorOf(c) });

  r.post('/', requireUser(...DESK), async (c) => {
    const input = await parseJson(c, NewTicket);
    const source = currentCaller(c).kind === 'token' ? 'api' : 'manual';
    return c.json(await createTicket(deps(c), { ...input, source }, actor(c)), 201);
  });

  for (const verb of STATUS_VERBS) {
    r.post(`/:ref/${verb}`, requireUser(...DESK), async (c) => {
      const { note } = await parseOptionalJson(c, Note);
      return c.json(await changeStatus(deps(c), c.req.param('ref'), verb, actor(c), note));
    });
  }

  r.post('/:ref/assign', requireUser(...DESK), async (c) => {
    const body = await parseJson(c, Assign);
    return c.json(await assignTicket(deps(c), c.req.param('ref'), 'auto' in body ? { auto: true } : { userId: body.assigneeId }, actor(c)));
  });

  r.post('/:ref/comment', requireUser(...DESK), async (c) => {
    const { text } = await parseJson(c, Comment);
    return c.json(await commentTicket(deps(c), c.req.param('ref'), text, actor(c)), 201);
  });

  r.patch('/:ref', requireUser(...DESK), async (c) => c.json(await updateTicket(deps(c), c.req.param('ref'), await parseJson(c, Patch), actor(c))));

  r.get('/:ref/sla', requireUser(...DESK), async (c) => c.json(await explainSla(c.get('deps').database.db, c.req.param('ref'), c.get('deps').now())));
  return r;
}

export function slaPreviewRoutes() {
  const r = new Hono<AppEnv>();
  r.get('/preview', requireUser(...DESK), async (c) => {
    const q = parseQuery(c, Preview);
    const result = await previewSla(c.get('deps').database.db, q, c.get('deps').now());
    if (!result) throw new AppError('NOT_FOUND', 'site or category does not exist');
    return c.json(result);
  });
  return r;
}
