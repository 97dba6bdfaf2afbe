/**
 * Who is logged in: loaded once from `GET /api/auth/me`, cleared when any request answers 401.
 * The status board (no login) never asks, and the login page only when someone was logged in here.
 * The person's saved language wins over the site's and the browser's (issue 8): it becomes the
 * page's language whenever the session learns who they are.
 */
import { createContext, type ComponentChildren } from 'preact';
import { useCallback, useContext, useEffect, useMemo, useState } from 'preact/hooks';
import { api } from '../api/client.ts';
import type { ApiError} from '../api/http.ts';
import { onUnauthorized } from '../api/http.ts';
import { saveMyLanguage } from '../api/me.ts';
import { MeUser as User } from '../api/schemas.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { asLocale, type Locale } from '../i18n/locales.ts';

export type Session = {
  /** undefined while loading, null when nobody is logged in. */
  user: User | null | undefined;
  /** Set when `me` itself failed for another reason than 401 (server down). */
  error: ApiError | null;
  login(email: string, password: string): Promise<User>;
  logout(): Promise<void>;
  reload(): void;
  /** Keeps the person's language on the server (nothing to do when nobody is logged in). */
  saveLanguage(locale: Locale | null): Promise<void>;
};

const SessionContext = createContext<Session | null>(null);
// The last known user, so a page opened without a network (virtual button) still renders.
const KNOWN = 'dash.me';

function remember(user: User | null) {
  try {
    if (user) localStorage.setItem(KNOWN, JSON.stringify(user));
    else localStorage.removeItem(KNOWN);
  } catch {
    // storage blocked: no offline start, nothing else lost
  }
}

function remembered(): User | null {
  try {
    const parsed = User.safeParse(JSON.parse(localStorage.getItem(KNOWN) ?? 'null'));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function SessionProvider({ children }: { children: ComponentChildren }) {
  const [user, setUser] = useState<User | null | undefined>(undefined);
  const [error, setError] = useState<ApiError | null>(null);
  const { choose } = useI18n();
  const adopt = useCallback((me: User) => {
    remember(me);
    setUser(me);
    const own = asLocale(me.language);
    if (own) choose(own);
  }, [choose]);
  const reload = useCallback(() => {
    setError(null);
    api.me().then(({ user: me }) => adopt(me), (err: ApiError) => {
      const known = err.code === 'NETWORK' ? remembered() : null;
      if (known) adopt(known);
      else if (err.code === 'UNAUTHORIZED') {
        remember(null);
        setUser(null);
      } else setError(err);
    });
  }, [adopt]);
  useEffect(() => {
    // Pages that need nobody logged in don't ask (a 401 on every status board view is noise);
    // the login page asks only when this browser remembers someone, to send them on.
    const path = location.pathname;
    if (path.startsWith('/status/') || (path === '/login' && !remembered())) setUser(null);
    else reload();
  }, [reload]);
  useEffect(() => onUnauthorized(() => {
    remember(null);
    setUser(null);
  }), []);

  const value = useMemo<Session>(() => ({
    user, error, reload,
    async login(email, password) {
      const { user: me } = await api.login(email, password);
      adopt(me);
      return me;
    },
    async saveLanguage(locale) {
      if (!user) return;
      const { user: me } = await saveMyLanguage(locale);
      remember(me);
      setUser(me);
    },
    async logout() {
      await api.logout().catch(() => {});
      remember(null);
      setUser(null);
    },
  }), [user, error, reload, adopt]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

export const DESK_ROLES = ['admin', 'manager', 'agent'] as const;
export const isDesk = (user: User) => (DESK_ROLES as readonly string[]).includes(user.role);
