import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { categories, deviceButtons, PRIORITIES } from '../../db/schema.ts';
import { pushConfigOfDevices } from '../../devices/push-config.ts';
import { AppError } from '../../errors.ts';
import { LOCALES } from '../../i18n/locales.ts';
import { crudRoutes } from '../crud.ts';
import { patchOf } from './patch-of.ts';

/** A category may give its name and article in each language of the app (issue 8). */
const Language = z.enum(LOCALES);
const Article = z.string().max(10_000);

export const CategoryInput = z.strictObject({
  key: z.string().regex(/^[a-z0-9-]{2,40}$/, 'must be 2–40 of a-z, 0-9 and -'),
  name: z.string().trim().min(1).max(200),
  defaultPriority: z.enum(PRIORITIES).default('P3'),
  teamId: z.uuid().nullable().optional(),
  kbArticle: Article.nullable().optional(),
  /** Per-language overrides of `name`, e.g. `{pl: "Drukarka paragonów"}`; a language left out shows `name`. */
  names: z.partialRecord(Language, z.string().trim().min(1).max(200)).default({})
    .describe('the name in other languages, by language (en, pl, tr, fa); a language left out shows `name`'),
  /** Per-language overrides of `kbArticle`. */
  kbArticles: z.partialRecord(Language, Article.trim().min(1)).default({})
    .describe('the self-help article in other languages, by language; a language left out shows `kbArticle`'),
});

/** The key of a category never changes; the rest may. */
export const CategoryPatch = patchOf(CategoryInput.omit({ key: true }));

export const categoryRoutes = () => crudRoutes({
  entity: 'category',
  table: categories,
  create: CategoryInput,
  patch: CategoryPatch,
  beforeDelete: (row) => {
    if (row.builtIn) throw new AppError('CONFLICT', `the built-in category ${String(row.key)} cannot be deleted`);
  },
  filter: (q) => (q.key ? eq(categories.key, q.key) : undefined),
  // Buttons show the category's name (in their site's language): a rename reaches them now.
  afterPatch: async (deps, row, input) => {
    if (input.name === undefined && input.names === undefined) return;
    await pushConfigOfDevices(deps.database.db, deps.tickets.downlink, eq(deviceButtons.categoryId, String(row.id)));
  },
  conflictMessage: 'a category with this key already exists',
  inUseMessage: 'the category is mapped to buttons or has tickets; remap or keep it',
});
