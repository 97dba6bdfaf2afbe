/** Keyset pagination: `{items, nextCursor}` (design §7). The cursor is opaque to clients. */
import { z } from 'zod';
import { AppError } from '../errors.ts';

export const PageQuery = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export type Cursor = { at: string; id: string };

export function encodeCursor(at: Date, id: string): string {
  return Buffer.from(JSON.stringify({ at: at.toISOString(), id })).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): Cursor | null {
  if (!cursor) return null;
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Cursor;
    if (typeof value.at !== 'string' || typeof value.id !== 'string' || Number.isNaN(Date.parse(value.at))) throw new Error('shape');
    return value;
  } catch {
    throw new AppError('VALIDATION', 'invalid query: cursor: not a cursor from a previous page');
  }
}

/** Rows were fetched with `limit + 1`; the extra row only says there is a next page. */
export function page<T>(rows: T[], limit: number, key: (row: T) => { at: Date; id: string }) {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  const nextCursor = rows.length > limit && last ? encodeCursor(key(last).at, key(last).id) : null;
  return { items, nextCursor };
}
