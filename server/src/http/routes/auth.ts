/** `/api/auth`: login (throttled), logout, and the caller's own profile (design §6). */
import { eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import { emailKey, lockedFor, recordFailure } from '../../auth/login-throttle.ts';
import { verifySecret } from '../../auth/password.ts';
import { createSession, deleteSession, SESSION_COOKIE } from '../../auth/sessions.ts';
import { users } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import { updateOwnProfile } from '../../people/update-own-profile.ts';
import { OwnProfilePatch } from '../../people/user-input.ts';
import { toUserView } from '../../people/user-view.ts';
import { currentUser, requireUser } from '../auth.ts';
import type { AppEnv } from '../env.ts';
import { throttleLogins } from '../login-throttle.ts';
import { parseJson } from '../validate.ts';

export const Login = z.strictObject({ email: z.email(), password: z.string().min(1).max(1000) });
/** Compared against when the e-mail is unknown, so both failures take the same time. */
const DUMMY_HASH = 'scrypt$15$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

export function authRoutes() {
  const r = new Hono<AppEnv>();
  r.post('/login', throttleLogins(), async (c) => {
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
    return c.json({ user: toUserView(user), expiresAt: session.expiresAt.toISOString() });
  });

  r.post('/logout', async (c) => {
    const token = getCookie(c, SESSION_COOKIE);
    if (token) await deleteSession(c.get('deps').database.db, token);
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.body(null, 204);
  });

  r.get('/me', requireUser(), (c) => {
    const p = c.get('principal');
    // An integration checking its token sees what the token may do.
    if (p?.kind === 'token') return c.json({ token: p.token });
    return c.json({ user: toUserView(currentUser(c)) });
  });

  r.patch('/me', async (c) => {
    const user = currentUser(c);
    const input = await parseJson(c, OwnProfilePatch);
    const deps = c.get('deps');
    const { db } = deps.database;
    // Guessing the current password through a borrowed session counts like failed logins.
    const key = emailKey(user.email);
    if (input.password && (await lockedFor(db, [key], deps.now())) > 0) throw new AppError('RATE_LIMITED', 'too many failed password checks; try again later');
    const result = await updateOwnProfile(db, user, input, getCookie(c, SESSION_COOKIE));
    if (result.kind === 'wrong-password') {
      await recordFailure(db, [key], deps.now());
      throw new AppError('FORBIDDEN', 'currentPassword is wrong');
    }
    return c.json({ user: toUserView(result.user) });
  });
  return r;
}
