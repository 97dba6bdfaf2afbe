import { eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import { verifySecret } from '../../auth/password.ts';
import { createSession, deleteSession, SESSION_COOKIE } from '../../auth/sessions.ts';
import { users } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import { currentUser, requireUser } from '../auth.ts';
import type { AppEnv } from '../env.ts';
import { parseJson } from '../validate.ts';

export const Login = z.strictObject({ email: z.email(), password: z.string().min(1).max(1000) });
/** Compared against when the e-mail is unknown, so both failures take the same time. */
const DUMMY_HASH = 'scrypt$15$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

export const publicUser = (u: typeof users.$inferSelect) => ({ id: u.id, email: u.email, name: u.name, role: u.role, siteId: u.siteId });

export function authRoutes() {
  const r = new Hono<AppEnv>();
  r.post('/login', async (c) => {
    const { email, password } = await parseJson(c, Login);
    const deps = c.get('deps');
    const [user] = await deps.database.db.select().from(users).where(eq(users.email, email.toLowerCase()));
    const ok = await verifySecret(password, user?.passwordHash ?? DUMMY_HASH);
    if (!user || !ok || user.disabled) {
      deps.log.warn({ email, requestId: c.get('requestId') }, 'login failed');
      throw new AppError('UNAUTHORIZED', 'wrong e-mail or password');
    }
    const session = await createSession(deps.database.db, user.id, deps.now());
    setCookie(c, SESSION_COOKIE, session.token, {
      httpOnly: true, sameSite: 'Strict', path: '/', secure: deps.secureCookies, expires: session.expiresAt,
    });
    return c.json({ user: publicUser(user), expiresAt: session.expiresAt.toISOString() });
  });

  r.post('/logout', async (c) => {
    const token = getCookie(c, SESSION_COOKIE);
    if (token) await deleteSession(c.get('deps').database.db, token);
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.body(null, 204);
  });

  r.get('/me', requireUser(), (c) => c.json({ user: publicUser(currentUser(c)) }));
  return r;
}
