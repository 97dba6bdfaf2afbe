/**
 * `GET /api/sites/:code/virtual-button`: what a site's virtual dash button shows (design §9).
 * The buttons are those of the site's first enabled device of kind `virtual`, which an admin
 * provisions like any other device (`POST /api/devices` with `kind: "virtual"` and a button
 * mapping); presses go to `POST /api/intake/presses` with that device id. Staff see only
 * their own site. Category names and self-help articles come in the asked-for language
 * (`?lang=`, the app's cookie, the person's, the site's, `Accept-Language`: i18n/request-locale.ts),
 * from the category's per-language `names`/`kbArticles`, else its plain `name`/`kbArticle`.
 */
import { and, asc, eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { z } from 'zod';
import { categories, deviceButtons, devices, sites } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import { LOCALES, localized } from '../../i18n/locales.ts';
import { requestedLocale } from '../../i18n/request-locale.ts';
import { currentCaller, requireUser } from '../auth.ts';
import type { AppEnv } from '../env.ts';
import { parseQuery } from '../validate.ts';

export const SiteLanguageQuery = z.object({
  lang: z.string().max(35).optional().describe(`the language to name categories in (${LOCALES.join(', ')}); others are skipped, see the description`),
});

export const VirtualButtonAnswer = z.object({
  site: z.object({ id: z.uuid(), code: z.string(), name: z.string(), timezone: z.string(), language: z.string().nullable() }),
  device: z.object({ id: z.string(), name: z.string() }).nullable().describe('null until an admin provisions a virtual device for the site'),
  buttons: z.array(z.object({
    button: z.number().int(), label: z.string().nullable(), color: z.string().nullable(),
    category: z.object({ id: z.uuid(), key: z.string(), name: z.string(), kbArticle: z.string().nullable() }),
  })),
  language: z.enum(LOCALES).describe('the language the category names and articles are in'),
});

export function virtualButtonRoutes() {
  const r = new Hono<AppEnv>();
  r.get('/:code/virtual-button', requireUser(), async (c) => {
    const code = c.req.param('code');
    parseQuery(c, SiteLanguageQuery);
    const caller = currentCaller(c);
    const { db } = c.get('deps').database;
    const [site] = await db.select().from(sites).where(eq(sites.code, code));
    if (!site || (caller.role === 'staff' && caller.siteId !== site.id)) throw new AppError('NOT_FOUND', `site ${code} does not exist`);
    const [device] = await db.select({ id: devices.id, name: devices.name }).from(devices)
      .where(and(eq(devices.siteId, site.id), eq(devices.kind, 'virtual'), eq(devices.disabled, false)))
      .orderBy(asc(devices.createdAt), asc(devices.id)).limit(1);
    const rows = device
      ? await db.select({
        button: deviceButtons.button, label: deviceButtons.label, color: deviceButtons.color,
        category: { id: categories.id, key: categories.key, name: categories.name, kbArticle: categories.kbArticle, names: categories.names, kbArticles: categories.kbArticles },
      }).from(deviceButtons).innerJoin(categories, eq(categories.id, deviceButtons.categoryId))
        .where(eq(deviceButtons.deviceId, device.id)).orderBy(asc(deviceButtons.button))
      : [];
    const p = c.get('principal');
    const locale = requestedLocale(c, { user: p?.kind === 'user' ? p.user.language : null, site: site.language });
    const buttons = rows.map(({ category: { names, kbArticles, ...category }, ...button }) => ({
      ...button,
      category: { ...category, name: localized(category.name, names, locale), kbArticle: localized(category.kbArticle, kbArticles, locale) },
    }));
    const { id, name, timezone, language } = site;
    return c.json({ site: { id, code: site.code, name, timezone, language }, device: device ?? null, buttons, language: locale });
  });
  return r;
}
