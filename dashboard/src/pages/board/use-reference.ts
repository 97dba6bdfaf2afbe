/**
 * The names behind the ids on a ticket (sites, categories, people, teams), loaded once per
 * page view and shared by every card. People and teams are desk-only lists; staff get none.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { api } from '../../api/client.ts';
import type { ApiError } from '../../api/http.ts';
import type { Category, Site, Team, User } from '../../api/schemas.ts';

export type Reference = {
  sites: ReadonlyMap<string, Site>;
  categories: ReadonlyMap<string, Category>;
  users: ReadonlyMap<string, User>;
  teams: readonly Team[];
};

const byId = <T extends { id: string }>(items: T[]) => new Map(items.map((i) => [i.id, i]));
let cached: Promise<Reference> | null = null;

export function loadReference(withPeople: boolean): Promise<Reference> {
  cached ??= Promise.all([
    api.sites(), api.categories(),
    withPeople ? api.users() : Promise.resolve([]), withPeople ? api.teams() : Promise.resolve([]),
  ]).then(([sites, categories, users, teams]) => ({ sites: byId(sites), categories: byId(categories), users: byId(users), teams }));
  cached.catch(() => {
    cached = null; // try again next time
  });
  return cached;
}

export function useReference(withPeople: boolean): { reference: Reference | null; error: ApiError | null; refresh(): void } {
  const [reference, setReference] = useState<Reference | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  useEffect(() => {
    loadReference(withPeople).then(setReference, setError);
  }, [withPeople]);
  // A ticket named a site or category created after the names were loaded.
  const refresh = useCallback(() => {
    cached = null;
    loadReference(withPeople).then(setReference, () => {});
  }, [withPeople]);
  return { reference, error, refresh };
}
