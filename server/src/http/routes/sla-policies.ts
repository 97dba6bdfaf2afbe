import { z } from 'zod';
import { PRIORITIES, slaPolicies, TICKET_SOURCES } from '../../db/schema.ts';
import { crudRoutes } from '../crud.ts';
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

/** SLA policies: ordered, first match wins (design §4). Managers may edit them. */
export const slaPolicyRoutes = () => crudRoutes({
  entity: 'sla-policy',
  table: slaPolicies,
  create: SlaPolicyInput,
  patch: SlaPolicyPatch,
  writeRoles: ['admin', 'manager'],
  conflictMessage: 'an SLA policy with this name already exists',
  inUseMessage: 'the policy is referenced by tickets',
});
