import { useCallback, useEffect, useState } from 'preact/hooks';
import { ApiError } from '../../../api/http.ts';

export type Loaded<T> = {
  /** null until the first answer. */
  data: T | null;
  error: ApiError | null;
  reload: () => Promise<void>;
};

/** Loads once and again on `reload()` (after a save or a delete); `load` must be stable (useCallback). */
export function useLoad<T>(load: () => Promise<T>): Loaded<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const reload = useCallback(async () => {
    try {
      setData(await load());
      setError(null);
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError('INTERNAL', String(err), 0));
    }
  }, [load]);
  useEffect(() => void reload(), [reload]);
  return { data, error, reload };
}

export type EntityList<T> = Loaded<T[]>;

/** One admin list, e.g. `useEntityList(admin.teams.list)`. */
export const useEntityList = <T>(load: () => Promise<T[]>): EntityList<T> => useLoad(load);
