import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { PRIORITIES, slaPolicies, TICKET_SOURCES } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import { previewSla } from '../../sla/explain-sla.ts';
import { requireUser } from '../auth.ts';
import { crudRoutes } from '../crud.ts';
import { parseJson } from '../validate.ts';
import { patchOf } from './patch-of.ts';

/** Business minutes; fractions are allowed (0.05 = 3 s, handy for trying the timers out). */
const Minutes = z.number().positive().max(366 * 24 * 60);
const Target = z.strictObject({ responseMinutes: Minutes, resolutionMinutes: Minutes })
  .refine((t) => t.resolutionMinutes >= t.responseMinutes, 'resolutionMinutes must not be shorter than responseMinutes');

export const SlaPolicyInput = z.strictObject({
  name: z.string().trim().min(1).max(200),
  order: z.number().int().min(0).max(100_000).default(100),
  calendarId: z.uuid().nullable().optional(),
  enabled: z.boolean().default(true),
  conditions: z.strictObject({
    tiers: z.array(z.string().min(1)).optional(),
    siteIds: z.array(z.uuid()).optional(),
    categoryIds: z.array(z.uuid()).optional(),
    priorities: z.array(z.enum(PRIORITIES)).optional(),
    sources: z.array(z.enum(TICKET_SOURCES)).optional(),
  }).default({}),
  targets: z.strictObject({ P1: Target, P2: Target, P3: Target, P4: Target }),
  reminderPercents: z.array(z.number().int().min(1).max(99)).max(5).default([75]),
  escalation: z.strictObject({
    userIds: z.array(z.uuid()).optional(),
    emails: z.array(z.email()).optional(),
    repeatMinutes: z.number().int().min(5).max(7 * 24 * 60).optional(),
  }).default({}),
});

export const SlaPolicyPatch = patchOf(SlaPolicyInput);

export const DraftPreview = z.strictObject({
  id: z.uuid().optional().describe('the policy the draft replaces; none: the draft is added to the saved ones'),
  policy: SlaPolicyInput,
  siteId: z.uuid(),
  categoryId: z.uuid(),
  priority: z.enum(PRIORITIES).optional().describe('default: the category\'s default priority'),
});

/** Thrown to roll the draft back once the preview is computed. */
class Rollback extends Error {}

/** SLA policies: ordered, first match wins (design §4). Managers may edit them. */
export function slaPolicyRoutes() {
  const r = crudRoutes({
    entity: 'sla-policy',
    table: slaPolicies,
    create: SlaPolicyInput,
    patch: SlaPolicyPatch,
    writeRoles: ['admin', 'manager'],
    conflictMessage: 'an SLA policy with this name already exists',
    inUseMessage: 'the policy is referenced by tickets',
  });

  // "If I saved this, when would a ticket opened now be due?": the draft is written inside a
  // transaction, the same engine as GET /api/sla/preview answers, and the transaction is rolled back.
  r.post('/preview', requireUser('admin', 'manager'), async (c) => {
    const q = await parseJson(c, DraftPreview);
    const { db } = c.get('deps').database;
    let answer: Awaited<ReturnType<typeof previewSla>> = null;
    await db.transaction(async (tx) => {
      // A stand-in name, so a new draft named like a saved policy does not trip the unique name.
      const values = { ...q.policy, name: `draft ${randomUUID()}` };
      const [draft] = q.id
        ? await tx.update(slaPolicies).set(values).where(eq(slaPolicies.id, q.id)).returning({ id: slaPolicies.id })
        : await tx.insert(slaPolicies).values(values).returning({ id: slaPolicies.id });
      if (!draft) throw new AppError('NOT_FOUND', `SLA policy ${q.id} does not exist`);
      answer = await previewSla(tx as unknown as Db, { ...q, source: 'button' }, c.get('deps').now());
      if (answer?.policy?.id === draft.id) answer.policy.name = q.policy.name;
      throw new Rollback();
    }).catch((err: unknown) => {
      if (!(err instanceof Rollback)) throw err;
    });
    if (!answer) throw new AppError('NOT_FOUND', 'site or category does not exist');
    return c.json(answer);
  });
  return r;
}
