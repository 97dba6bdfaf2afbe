import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { audit } from '../../audit/audit.ts';
import { devices, sites } from '../../db/schema.ts';
import { pushConfigOfDevices } from '../../devices/push-config.ts';
import { AppError } from '../../errors.ts';
import { LOCALES } from '../../i18n/locales.ts';
import { actorOf, requireUser } from '../auth.ts';
import { crudRoutes } from '../crud.ts';
import { patchOf } from './patch-of.ts';

const NO_SITE = '00000000-0000-0000-0000-000000000000';

export const TimeZone = z.string().refine((tz) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}, 'must be an IANA time zone such as Europe/Warsaw');

const Contact = z.strictObject({ name: z.string().max(200).optional(), email: z.email().optional(), phone: z.string().max(40).optional() });

export const SiteInput = z.strictObject({
  code: z.string().regex(/^[a-z0-9-]{2,32}$/, 'must be 2–32 of a-z, 0-9 and -'),
  name: z.string().trim().min(1).max(200),
  timezone: TimeZone.default('UTC'),
  tier: z.string().trim().min(1).max(40).default('standard'),
  /** Language of the site's virtual button and status board (else the browser's). */
  language: z.enum(LOCALES).nullable().optional(),
  calendarId: z.uuid().nullable().optional(),
  contacts: z.array(Contact).max(20).default([]),
});

export const SitePatch = patchOf(SiteInput);

export function siteRoutes() {
  const r = crudRoutes({
    entity: 'site',
    table: sites,
    create: SiteInput,
    patch: SitePatch,
    filter: (q) => (q.code ? eq(sites.code, q.code) : undefined),
    // Staff see their own site only (design §6); a staff user without one sees none.
    visibleTo: (caller) => (caller.role === 'staff' ? eq(sites.id, caller.siteId ?? NO_SITE) : undefined),
    // The status board's secret is shown once, by POST /api/sites/:id/status-link (site-status.ts).
    omit: ['statusToken'],
    // Button labels are in the site's language: a change of language reaches the buttons now.
    afterPatch: async (deps, row, input) => {
      if (input.language === undefined) return;
      await pushConfigOfDevices(deps.database.db, deps.tickets.downlink, eq(devices.siteId, String(row.id)));
    },
    conflictMessage: 'a site with this code already exists',
    inUseMessage: 'the site still has devices or tickets; move or delete them first',
  });

  // Removing the status board link: the secret is forgotten and the old link answers 404.
  r.delete('/:id/status-link', requireUser('admin'), async (c) => {
    const id = c.req.param('id');
    if (!/^[0-9a-f-]{36}$/i.test(id)) throw new AppError('NOT_FOUND', `site ${id} does not exist`);
    const { db } = c.get('deps').database;
    await db.transaction(async (tx) => {
      const [updated] = await tx.update(sites).set({ statusToken: null, updatedAt: c.get('deps').now() }).where(eq(sites.id, id)).returning({ id: sites.id });
      if (!updated) throw new AppError('NOT_FOUND', `site ${id} does not exist`);
      await audit(tx, actorOf(c), 'remove_status_link', 'site', updated.id);
    });
    return c.body(null, 204);
  });
  return r;
}
