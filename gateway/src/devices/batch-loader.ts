/**
 * Coalesces lookups by key, as DataLoader does: the keys asked for in one turn of the event
 * loop, and while `maxInFlight` loads are already running, go out together in one `load`
 * (at most `maxBatch` keys each). Every caller gets the value of its own key (undefined when
 * `load` found none); a failed load rejects every caller of that batch, and only them.
 */
type Waiter<V> = { resolve(value: V | undefined): void; reject(err: unknown): void };

export type BatchLoaderOptions = { maxBatch: number; maxInFlight: number };

export function createBatchLoader<K, V>(load: (keys: K[]) => Promise<Map<K, V>>, o: BatchLoaderOptions) {
  const queued = new Map<K, Waiter<V>[]>();
  let inFlight = 0;
  let scheduled = false;

  const schedule = () => {
    if (scheduled || queued.size === 0 || inFlight >= o.maxInFlight) return;
    scheduled = true;
    setImmediate(() => {
      scheduled = false;
      while (queued.size > 0 && inFlight < o.maxInFlight) start(take());
    });
  };

  const take = () => {
    const batch = new Map<K, Waiter<V>[]>();
    for (const [key, waiters] of queued) {
      if (batch.size >= o.maxBatch) break;
      batch.set(key, waiters);
      queued.delete(key);
    }
    return batch;
  };

  const start = (batch: Map<K, Waiter<V>[]>) => {
    inFlight++;
    load([...batch.keys()]).then(
      (found) => batch.forEach((waiters, key) => waiters.forEach((w) => w.resolve(found.get(key)))),
      (err: unknown) => batch.forEach((waiters) => waiters.forEach((w) => w.reject(err))),
    ).finally(() => {
      inFlight--;
      schedule();
    });
  };

  return (key: K): Promise<V | undefined> => new Promise((resolve, reject) => {
    const waiters = queued.get(key);
    if (waiters) waiters.push({ resolve, reject });
    else queued.set(key, [{ resolve, reject }]);
    schedule();
  });
}
