/**
 * The site status board (issue 5, part 6): a link with a secret, `/status/<code>?t=<token>`,
 * that shows a branch's staff what IT knows about their site without a login, so they see
 * "IT is on it" instead of phoning.
 *
 * - `POST /api/sites/:id/status-link` (admin, audited) creates or rotates the secret; the old
 *   link stops working at once.
 * - `GET /api/status/:code?t=…` (public family `status`, people/access-rules.ts) answers the
 *   site and its incidents: open tickets plus those resolved in the last 24 hours. Nothing
 *   personal: no names, comments, titles or device ids. An unknown code and a wrong or missing
 *   token get the same 404. Categories are named in the asked-for language (`?lang=`, the
 *   app's cookie, the site's, `Accept-Language`: i18n/request-locale.ts).
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { and, desc, eq, gte, inArray, or } from 'drizzle-orm';
import { Hono } from 'hono';
import { z } from 'zod';
import { audit } from '../../audit/audit.ts';
import { categories, OPEN_STATUSES, sites, tickets } from '../../db/schema.ts';
import { formatTicketNumber } from '../../domain/priority.ts';
import { AppError } from '../../errors.ts';
import { LOCALES, localized } from '../../i18n/locales.ts';
import { requestedLocale } from '../../i18n/request-locale.ts';
import { actorOf, requireUser } from '../auth.ts';
import type { AppEnv } from '../env.ts';
import { parseQuery } from '../validate.ts';

/** How long a resolved incident stays on the board. */
export const RESOLVED_SHOWN_MS = 24 * 60 * 60 * 1000;
const MAX_INCIDENTS = 200;
const NOT_FOUND_MESSAGE = 'no such status board: the link is unknown or has been replaced';

export const StatusLinkAnswer = z.object({
  url: z.string().describe('the board\'s path with its secret, `/status/<code>?t=<token>`; shown only now'),
});

export const StatusQuery = z.object({
  t: z.string().max(200).optional().describe('the secret of the status link'),
  lang: z.string().max(35).optional().describe(`the language to name categories in (${LOCALES.join(', ')}); others are skipped`),
});

export const SiteStatusAnswer = z.object({
  site: z.object({ name: z.string(), code: z.string(), language: z.string().nullable(), timezone: z.string() }),
  incidents: z.array(z.object({
    number: z.string().describe('INC-000123'),
    category: z.string().describe('the category\'s name, in `language`'),
    status: z.enum(['new', 'acknowledged', 'in_progress', 'pending', 'resolved', 'closed', 'cancelled']),
    priority: z.string(),
    openedAt: z.string().describe('ISO time'),
    acknowledgedAt: z.string().nullable(),
    resolvedAt: z.string().nullable(),
  })).describe('open tickets of the site and those resolved in the last 24 hours, newest first; categories named in the asked-for language'),
});

const digest = (s: string) => createHash('sha256').update(s).digest();

/** Equal-time comparison of two secrets of any length. */
export function sameSecret(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}

/** `POST /api/sites/:id/status-link`, mounted under /api/sites. */
export function statusLinkRoutes() {
  const r = new Hono<AppEnv>();
  r.post('/:id/status-link', requireUser('admin'), async (c) => {
    const id = c.req.param('id');
    if (!/^[0-9a-f-]{36}$/i.test(id)) throw new AppError('NOT_FOUND', `site ${id} does not exist`);
    const { db } = c.get('deps').database;
    const token = randomBytes(24).toString('base64url');
    const site = await db.transaction(async (tx) => {
      const [updated] = await tx.update(sites).set({ statusToken: token, updatedAt: c.get('deps').now() })
        .where(eq(sites.id, id)).returning({ id: sites.id, code: sites.code });
      if (!updated) throw new AppError('NOT_FOUND', `site ${id} does not exist`);
      // The secret itself stays out of the audit trail.
      await audit(tx, actorOf(c), 'rotate_status_link', 'site', updated.id);
      return updated;
    });
    return c.json({ url: `/status/${encodeURIComponent(site.code)}?t=${token}` }, 201);
  });
  return r;
}

/** `GET /api/status/:code`, mounted under /api/status (public). */
export function siteStatusRoutes() {
  const r = new Hono<AppEnv>();
  r.get('/:code', async (c) => {
    const { t } = parseQuery(c, StatusQuery);
    const { db } = c.get('deps').database;
    const [site] = await db.select({
      id: sites.id, name: sites.name, code: sites.code, language: sites.language, timezone: sites.timezone, statusToken: sites.statusToken,
    }).from(sites).where(eq(sites.code, c.req.param('code')));
    // Compare even when there is nothing to compare with, so the answer takes as long.
    const matches = sameSecret(t ?? '', site?.statusToken ?? randomBytes(24).toString('base64url'));
    if (!site?.statusToken || !t || !matches) throw new AppError('NOT_FOUND', NOT_FOUND_MESSAGE);
    const since = new Date(c.get('deps').now().getTime() - RESOLVED_SHOWN_MS);
    const rows = await db.select({
      number: tickets.number, category: categories.name, categoryNames: categories.names, status: tickets.status, priority: tickets.priority,
      openedAt: tickets.openedAt, acknowledgedAt: tickets.acknowledgedAt, resolvedAt: tickets.resolvedAt,
    }).from(tickets).innerJoin(categories, eq(categories.id, tickets.categoryId))
      .where(and(eq(tickets.siteId, site.id), or(
        inArray(tickets.status, [...OPEN_STATUSES]),
        and(inArray(tickets.status, ['resolved', 'closed']), gte(tickets.resolvedAt, since)),
      )))
      .orderBy(desc(tickets.openedAt), desc(tickets.number)).limit(MAX_INCIDENTS);
    c.header('cache-control', 'no-store');
    c.header('referrer-policy', 'no-referrer');
    const { name, code, language, timezone } = site;
    const locale = requestedLocale(c, { site: language });
    return c.json({
      site: { name, code, language, timezone },
      incidents: rows.map(({ categoryNames, ...row }) => ({
        ...row,
        category: localized(row.category, categoryNames, locale),
        number: formatTicketNumber(row.number),
        openedAt: row.openedAt.toISOString(),
        acknowledgedAt: row.acknowledgedAt?.toISOString() ?? null,
        resolvedAt: row.resolvedAt?.toISOString() ?? null,
      })),
    });
  });
  return r;
}
