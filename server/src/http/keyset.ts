/**
 * Keyset conditions for `{items, nextCursor}` lists ordered by a database-stamped time and id.
 * PostgreSQL keeps microseconds, a cursor (a JS Date) only milliseconds: compared raw, rows
 * inside the cursor's millisecond would be skipped. So order and compare on the millisecond.
 */
import { and, asc, desc, eq, gt, lt, or, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { AppError } from '../errors.ts';
import type { Cursor } from './pagination.ts';

const ms = (column: PgColumn) => sql`date_trunc('milliseconds', ${column})`;

export function keyset(at: PgColumn, id: PgColumn, direction: 'asc' | 'desc', cursor: Cursor | null) {
  if (cursor && !/^[0-9a-f-]{36}$/i.test(cursor.id)) throw new AppError('VALIDATION', 'invalid query: cursor: not a cursor from a previous page');
  const past = direction === 'asc' ? gt : lt;
  const cursorAt = cursor && sql`${cursor.at}::timestamptz`;
  const where: SQL | undefined = cursor && cursorAt
    ? or(past(ms(at), cursorAt), and(eq(ms(at), cursorAt), past(id, cursor.id)))
    : undefined;
  const by = direction === 'asc' ? asc : desc;
  return { where, orderBy: [by(ms(at)), by(id)] };
}
