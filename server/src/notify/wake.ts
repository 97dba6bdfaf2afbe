/**
 * Lets code that just committed notifications (a route, a verb) wake the dispatchers of its
 * database without a handle on them. Keyed by the database object, so two systems in one
 * process (tests) never wake each other's.
 */
const wakers = new WeakMap<object, Set<() => void>>();

export function registerWake(db: object, wake: () => void): () => void {
  const set = wakers.get(db) ?? new Set();
  wakers.set(db, set);
  set.add(wake);
  return () => set.delete(wake);
}

/** Call after the commit; without it the rows still go out within the poll interval. */
export function wakeNotifications(db: object): void {
  for (const wake of wakers.get(db) ?? []) wake();
}
