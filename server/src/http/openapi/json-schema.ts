/**
 * JSON Schema (draft 2020-12, the dialect of OpenAPI 3.1) from the zod schemas the routes
 * validate with, and from drizzle tables for answers that are plain rows.
 */
import { getTableColumns } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { z } from 'zod';

export type JsonSchema = { [key: string]: unknown };
/** What a registry entry may give as a schema: zod (converted here) or JSON Schema as is. */
export type Schema = z.ZodType | JsonSchema;

// zod emits its own regex next to `format`; the format says the same thing, readably.
const FORMATS_WITH_OWN_PATTERN = new Set(['uuid', 'email', 'date-time', 'date', 'time', 'uri']);

function convert(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const json = z.toJSONSchema(schema, {
    io,
    // A bigint or a transform has no JSON Schema; it is documented by its description instead.
    unrepresentable: 'any',
    override: ({ jsonSchema }) => {
      if (typeof jsonSchema.format === 'string' && FORMATS_WITH_OWN_PATTERN.has(jsonSchema.format)) delete jsonSchema.pattern;
    },
  }) as JsonSchema;
  delete json.$schema;
  // `$defs` would resolve against the OpenAPI document's root, where they are not.
  if ('$defs' in json) throw new Error('openapi: recursive or registered zod schemas are not supported here');
  return json;
}

export const isZod = (s: Schema): s is z.ZodType => s instanceof z.ZodType;

/** What a client sends: fields with a default are optional, coercions show their target type. */
export const inputSchema = (s: Schema): JsonSchema => (isZod(s) ? convert(s, 'input') : s);

/** What the server answers. */
export const outputSchema = (s: Schema): JsonSchema => (isZod(s) ? convert(s, 'output') : s);

export const nullable = (s: JsonSchema): JsonSchema => ({ anyOf: [s, { type: 'null' }] });

type Column = { dataType: string; columnType: string; notNull: boolean; enumValues?: string[] | undefined };

function columnSchema(col: Column): JsonSchema {
  if (col.dataType === 'date') return { type: 'string', format: 'date-time' }; // JSON.stringify of a Date
  if (col.columnType === 'PgUUID') return { type: 'string', format: 'uuid' };
  if (col.dataType === 'string') return col.enumValues?.length ? { type: 'string', enum: col.enumValues } : { type: 'string' };
  if (col.dataType === 'number') return /Int|Serial|BigInt/.test(col.columnType) ? { type: 'integer' } : { type: 'number' };
  if (col.dataType === 'boolean') return { type: 'boolean' };
  if (col.dataType === 'array') return { type: 'array' };
  return { description: 'JSON' }; // jsonb: its shape is the one the matching input schema gives
}

/**
 * The JSON shape of a table row as `c.json(row)` sends it: every column, camelCase, dates as
 * ISO 8601 strings. Derived from the table, so a new column shows up here by itself.
 */
export function rowSchema(table: PgTable, opts: { omit?: string[]; extra?: Record<string, JsonSchema> } = {}): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  for (const [key, col] of Object.entries(getTableColumns(table)) as [string, Column][]) {
    if (opts.omit?.includes(key)) continue;
    properties[key] = col.notNull ? columnSchema(col) : nullable(columnSchema(col));
  }
  Object.assign(properties, opts.extra);
  return { type: 'object', properties, required: Object.keys(properties) };
}
