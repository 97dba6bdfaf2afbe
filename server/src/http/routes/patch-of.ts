import { z } from 'zod';

/**
 * The PATCH schema of a create schema: every field optional and without its default.
 * (`.partial()` keeps defaults, so a patch of `{name}` would reset e.g. the time zone to UTC.)
 */
export function patchOf<T extends z.ZodRawShape>(create: z.ZodObject<T>) {
  const fields = Object.entries(create.shape).map(([key, field]) => {
    const inner = (field instanceof z.ZodDefault ? field.unwrap() : field) as z.ZodType;
    return [key, inner.optional()];
  });
  return z.strictObject(Object.fromEntries(fields) as { [K in keyof T]: z.ZodOptional<z.ZodType<z.output<T[K]>, z.input<T[K]>>> });
}
