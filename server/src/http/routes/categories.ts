import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { categories, PRIORITIES } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import { crudRoutes } from '../crud.ts';

export const CategoryInput = z.strictObject({
  key: z.string().regex(/^[a-z0-9-]{2,40}$/, 'must be 2–40 of a-z, 0-9 and -'),
  name: z.string().trim().min(1).max(200),
  defaultPriority: z.enum(PRIORITIES).default('P3'),
  teamId: z.uuid().nullable().optional(),
  kbArticle: z.string().max(10_000).nullable().optional(),
});

export const categoryRoutes = () => crudRoutes({
  entity: 'category',
  table: categories,
  create: CategoryInput,
  patch: CategoryInput.omit({ key: true }).partial(),
  beforeDelete: (row) => {
    if (row.builtIn) throw new AppError('CONFLICT', `the built-in category ${String(row.key)} cannot be deleted`);
  },
  filter: (q) => (q.key ? eq(categories.key, q.key) : undefined),
  conflictMessage: 'a category with this key already exists',
  inUseMessage: 'the category is mapped to buttons or has tickets; remap or keep it',
});
