/**
 * `GET|PUT /api/config` (design §7): the whole configuration as one JSON document, and its
 * import (`?dryRun=true`: the plan only). Admins only (family `config`).
 */
import { Hono } from 'hono';
import { z } from 'zod';
import { ConfigDocument } from '../../config-transfer/document.ts';
import { exportConfig } from '../../config-transfer/export-config.ts';
import { dryRunImport, importConfig } from '../../config-transfer/import-config.ts';
import { pushDeviceConfig } from '../../devices/push-config.ts';
import { currentCaller, requireUser } from '../auth.ts';
import type { AppEnv } from '../env.ts';
import { parseJson, parseQuery } from '../validate.ts';

export const ImportQuery = z.object({
  dryRun: z.enum(['true', 'false'], { error: 'must be true or false' }).optional(),
});

export function configTransferRoutes() {
  const r = new Hono<AppEnv>();
  r.use(requireUser('admin'));

  r.get('/', async (c) => {
    const { database, now } = c.get('deps');
    const at = now();
    c.header('content-disposition', `attachment; filename="dash-config-${at.toISOString().slice(0, 10)}.json"`);
    return c.json(await exportConfig(database.db, at));
  });

  r.put('/', async (c) => {
    const { dryRun } = parseQuery(c, ImportQuery);
    const doc = await parseJson(c, ConfigDocument);
    const deps = c.get('deps');
    const caller = currentCaller(c);
    const principal = c.get('principal');
    const opts = { actor: caller.actor, importerEmail: principal?.kind === 'user' ? principal.user.email : null, now: deps.now() };
    if (dryRun === 'true') return c.json({ dryRun: true, plan: await dryRunImport(deps.database.db, doc, opts) });
    const result = await importConfig(deps.database.db, doc, opts);
    // After the commit: buttons learn their new mapping; disabled ones are disconnected now.
    for (const id of result.changedDevices) await pushDeviceConfig(deps.database.db, deps.tickets.downlink, id);
    for (const id of result.disabledDevices) deps.kickDevice?.(id);
    return c.json({ dryRun: false, plan: result.plan, credentials: result.credentials });
  });
  return r;
}
