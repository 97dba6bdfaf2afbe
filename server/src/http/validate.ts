/** Request parsing with zod: every failure is a VALIDATION error naming the fields. */
import type { Context } from 'hono';
import type { z } from 'zod';
import { AppError } from '../errors.ts';

function fail(where: string, error: z.ZodError): never {
  const fields = error.issues.map((i) => ({ field: i.path.join('.') || '(body)', message: i.message }));
  const summary = fields.map((f) => `${f.field}: ${f.message}`).join('; ');
  throw new AppError('VALIDATION', `invalid ${where}: ${summary}`, { fields });
}

export async function parseJson<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> {
  const type = c.req.header('content-type') ?? '';
  if (!type.toLowerCase().startsWith('application/json')) {
    throw new AppError('VALIDATION', 'send the body as JSON with content-type: application/json');
  }
  let raw: unknown;
  try {
    raw = await c.req.json();
  } catch {
    throw new AppError('VALIDATION', 'request body is not valid JSON');
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) fail('body', parsed.error);
  return parsed.data;
}

export function parseQuery<S extends z.ZodType>(c: Context, schema: S): z.infer<S> {
  const parsed = schema.safeParse(c.req.query());
  if (!parsed.success) fail('query', parsed.error);
  return parsed.data;
}

/** For bodies that may be left out entirely (`POST /tickets/:id/acknowledge` with no note). */
export async function parseOptionalJson<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> {
  const length = c.req.header('content-length');
  const hasBody = (length !== undefined && length !== '0') || c.req.header('transfer-encoding') !== undefined;
  return hasBody ? parseJson(c, schema) : schema.parse({});
}
