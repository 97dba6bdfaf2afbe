/** The SQLSTATE of a database error, looking through drizzle's DrizzleQueryError wrapper. */
export function sqlState(err: unknown): string | undefined {
  for (let e = err as { code?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 4; depth++) {
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return e.code;
    e = e.cause as typeof e;
  }
  return undefined;
}

export const UNIQUE_VIOLATION = '23505';

/** The row is still referenced: foreign_key_violation, or restrict_violation (ON DELETE RESTRICT). */
export function isStillReferenced(err: unknown): boolean {
  const state = sqlState(err);
  return state === '23503' || state === '23001';
}
/** Serialization failures and deadlocks are safe to retry as a whole transaction. */
export const RETRYABLE_STATES = new Set([UNIQUE_VIOLATION, '40001', '40P01']);

/** The database message, without drizzle's "Failed query: …" preamble. */
export function dbMessage(err: unknown): string {
  const cause = (err as { cause?: unknown }).cause;
  if (cause instanceof Error) return cause.message;
  return err instanceof Error ? err.message : String(err);
}
