/**
 * `POST /api/intake/feedback`: the reporter rates a resolved ticket from the virtual button
 * (1–5, optional comment). Under `intake` because that is the family staff may write.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import { rateTicket } from '../../tickets/rate-ticket.ts';
import { actorOf, currentUser } from '../auth.ts';
import type { AppEnv } from '../env.ts';
import { parseJson } from '../validate.ts';

export const FeedbackBody = z.strictObject({
  ticket: z.string().min(1).max(64).describe('the ticket id or number (INC-000123)'),
  rating: z.number().int().min(1).max(5),
  comment: z.string().trim().max(2000).optional(),
});

export function feedbackRoutes() {
  const r = new Hono<AppEnv>();
  r.post('/feedback', async (c) => {
    const user = currentUser(c);
    const { ticket, rating, comment } = await parseJson(c, FeedbackBody);
    const siteOnly = user.role === 'staff' ? user.siteId : undefined;
    return c.json(await rateTicket(c.get('deps').tickets, ticket, { rating, comment }, { id: actorOf(c) }, siteOnly), 201);
  });
  return r;
}
