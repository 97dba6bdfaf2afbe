/**
 * Lists as one array parameter, so a statement's text is the same however long its list:
 * `IN ($1, $2, …)` and `VALUES (…), (…)` make a new text per length, which cannot be a
 * prepared statement worth keeping (db/prepared-statements.ts). Works on PostgreSQL and PGlite.
 */
import { type AnyColumn, Placeholder, type SQL, sql } from 'drizzle-orm';

/** No boolean: postgres.js types a JS array of booleans as one boolean (send 0/1 as int). */
type PgArrayType = 'text' | 'uuid' | 'int' | 'timestamptz';

/** The values, or a placeholder for them in a statement built once (db/statements.ts). */
type ListValues = readonly unknown[] | Placeholder;

/**
 * `$n::type[]`: the values as one parameter. Times go as ISO text and are cast on the server:
 * drizzle replaces postgres.js's serializer for timestamptz[] with a pass-through, and an
 * array that reaches the wire unserialised breaks the connection (a statement's placeholder
 * gets the ISO text from db/statements.ts).
 */
export function arrayParam(values: ListValues, type: PgArrayType): SQL {
  if (values instanceof Placeholder) return type === 'timestamptz' ? sql`${values}::text[]::timestamptz[]` : sql`${values}::${sql.raw(type)}[]`;
  if (type === 'timestamptz') {
    const text = values.map((v) => (v instanceof Date ? v.toISOString() : v));
    return sql`${sql.param(text)}::text[]::timestamptz[]`;
  }
  return sql`${sql.param(values)}::${sql.raw(type)}[]`;
}

/** `column = any($n::type[])`: the array form of `inArray`. */
export function anyOf(column: AnyColumn | SQL, values: ListValues, type: PgArrayType): SQL {
  return sql`${column} = any(${arrayParam(values, type)})`;
}

/** `unnest($1::t1[], $2::t2[], …)`: rows from parallel arrays, for a `FROM` or an `IN (select …)`. */
export function unnestOf(columns: readonly { values: ListValues; type: PgArrayType }[]): SQL {
  return sql`unnest(${sql.join(columns.map((c) => arrayParam(c.values, c.type)), sql`, `)})`;
}

/**
 * Splits rows into runs whose lengths are powers of two (37 → 32, 4, 1), for multi-row
 * inserts: at most log2(n) + 1 texts for any n, and the runs still go out in one round trip.
 */
export function powerOfTwoRuns<T>(rows: readonly T[]): T[][] {
  const runs: T[][] = [];
  let i = 0;
  while (i < rows.length) {
    const size = 2 ** Math.floor(Math.log2(rows.length - i));
    runs.push(rows.slice(i, i + size));
    i += size;
  }
  return runs;
}
