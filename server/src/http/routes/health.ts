import { sql } from 'drizzle-orm';
import { Hono } from 'hono';
import type { AppEnv } from '../env.ts';

/** `GET /api/health` (no auth): for load balancers and `curl`. 503 when the database is down. */
export function healthRoutes() {
  const r = new Hono<AppEnv>();
  r.get('/', async (c) => {
    const deps = c.get('deps');
    const db = await Promise.race([
      deps.database.db.execute(sql`select 1`).then(() => 'ok' as const, () => 'down' as const),
      new Promise<'down'>((resolve) => setTimeout(() => resolve('down'), 2000).unref()),
    ]);
    const broker = deps.brokerStatus?.() ?? 'n/a';
    const status = db === 'ok' && broker !== 'down' ? 'ok' : 'degraded';
    return c.json({ status, db, broker, version: deps.version }, status === 'ok' ? 200 : 503);
  });
  return r;
}
