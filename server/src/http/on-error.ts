/** The one place errors become HTTP: `{error: {code, message, requestId}}` (design §7). */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { AppError, HTTP_STATUS } from '../errors.ts';
import type { AppEnv } from './env.ts';

export function onError(err: Error, c: Context<AppEnv>): Response {
  const requestId = c.get('requestId') ?? 'unknown';
  if (err instanceof AppError) {
    const body = { error: { code: err.code, message: err.message, requestId, ...(err.details ? { details: err.details } : {}) } };
    return c.json(body, HTTP_STATUS[err.code]);
  }
  if (err instanceof HTTPException && err.status < 500) {
    const code = err.status === 401 ? 'UNAUTHORIZED' : err.status === 403 ? 'FORBIDDEN' : err.status === 404 ? 'NOT_FOUND' : 'VALIDATION';
    return c.json({ error: { code, message: err.message || 'bad request', requestId } }, HTTP_STATUS[code]);
  }
  c.get('deps')?.log.error({ requestId, err, path: c.req.path, method: c.req.method }, 'unhandled error');
  return c.json({ error: { code: 'INTERNAL', message: 'internal error; the log has the details under this requestId', requestId } }, 500);
}

export function onNotFound(c: Context<AppEnv>): Response {
  return c.json({ error: { code: 'NOT_FOUND', message: `no route for ${c.req.method} ${c.req.path}`, requestId: c.get('requestId') ?? 'unknown' } }, 404);
}
