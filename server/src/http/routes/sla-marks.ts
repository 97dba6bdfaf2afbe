/**
 * `GET /api/sla/marks?ticketIds=a,b`: when each open ticket's SLA reminders fall (the board
 * turns a ticket amber at the first one, design §9) and the calendar its clocks run on (the
 * board counts down business time, not wall time). Reminders count business time, so the
 * browser cannot place them from the due time alone; the server computes them as it schedules
 * its own reminder jobs (sla/refresh-sla.ts). Read-only.
 */
import { inArray } from 'drizzle-orm';
import { Hono } from 'hono';
import { z } from 'zod';
import { tickets } from '../../db/schema.ts';
import { isOpen } from '../../domain/ticket-states.ts';
import { resolveSla } from '../../sla/refresh-sla.ts';
import { requireUser } from '../auth.ts';
import type { AppEnv } from '../env.ts';
import { parseQuery } from '../validate.ts';

export const MarksQuery = z.object({
  ticketIds: z.string().transform((s) => [...new Set(s.split(',').filter(Boolean))])
    .pipe(z.array(z.uuid()).min(1).max(200, 'at most 200 tickets at once')),
});

export const SlaMarksAnswer = z.object({
  items: z.array(z.object({
    ticketId: z.uuid(),
    reminders: z.array(z.object({ target: z.enum(['response', 'resolution']), percent: z.number(), at: z.iso.datetime() })),
    /** The business calendar the ticket's clocks run on (null: no SLA policy matches), so the board counts down in business time. */
    calendar: z.object({
      timezone: z.string(),
      hours: z.partialRecord(z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']), z.array(z.object({ start: z.string(), end: z.string() }))),
      holidays: z.array(z.object({ date: z.string(), name: z.string(), start: z.string().optional(), end: z.string().optional() })),
    }).nullable(),
  })),
});

export function slaMarkRoutes() {
  const r = new Hono<AppEnv>();
  r.get('/marks', requireUser('admin', 'manager', 'agent'), async (c) => {
    const { ticketIds } = parseQuery(c, MarksQuery);
    const deps = c.get('deps');
    const now = deps.now();
    const items = await deps.database.db.transaction(async (tx) => {
      const rows = await tx.select().from(tickets).where(inArray(tickets.id, ticketIds));
      const out = [];
      for (const t of rows.filter((row) => isOpen(row.status))) {
        const resolved = await resolveSla(tx, t, now);
        const reminders = resolved?.sla.reminders.map((m) => ({ target: m.target, percent: m.percent, at: m.at.toISOString() })) ?? [];
        const calendar = resolved ? { timezone: resolved.calendar.timezone, hours: resolved.calendar.hours, holidays: resolved.calendar.holidays } : null;
        out.push({ ticketId: t.id, reminders, calendar });
      }
      return out;
    });
    return c.json({ items });
  });
  return r;
}
