/**
 * Bad input on every write route: for each operation the API reference documents with a JSON
 * body, send a body whose field has the wrong type, and expect the VALIDATION envelope naming
 * that field. The reference is checked against the app's real routes (openapi.test.ts), so a
 * new write route is covered here without anyone remembering to add it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSystem, type TestSystem } from './helpers/system.ts';

type Op = { method: string; path: string; schema: any };

/** A value of the wrong JSON type for a property schema. */
function wrongValue(prop: any): unknown {
  const type = Array.isArray(prop?.type) ? prop.type[0] : prop?.type;
  if (type === 'string' || prop?.enum || prop?.format) return 12_345;
  return 'definitely-not-valid';
}

/** The first property of an object schema, looking into anyOf/allOf. */
function firstProperty(schema: any): [string, any] | null {
  if (!schema) return null;
  if (schema.properties) {
    const entries = Object.entries(schema.properties);
    const required = new Set<string>(schema.required ?? []);
    return (entries.find(([k]) => required.has(k)) ?? entries[0] ?? null) as [string, any] | null;
  }
  for (const part of schema.anyOf ?? schema.allOf ?? schema.oneOf ?? []) {
    const found = firstProperty(part);
    if (found) return found;
  }
  return null;
}

describe('bad input on every documented write route', () => {
  let t: TestSystem;
  let ops: Op[];
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    t = await startTestSystem({ name: 'pglite' });
    const { site, category, device } = await t.connectedDevice();
    await device.press({ pressId: 'v-1' });
    const { ticketNumber } = await device.ack('v-1');
    await device.end();
    const user = await t.api.ok('POST', '/api/users', { email: 'agent@dash.test', name: 'Agent', role: 'agent', password: 'agent-pass-123' });
    const team = await t.api.ok('POST', '/api/teams', { name: 'Desk' });
    const webhook = await t.api.ok('POST', '/api/webhooks', { name: 'hook', url: 'http://127.0.0.1:9/hook' });
    const calendar = await t.api.ok('POST', '/api/calendars', { name: 'Office', timezone: 'Europe/Warsaw', hours: { mon: [{ start: '09:00', end: '17:00' }], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] } });
    const target = { responseMinutes: 60, resolutionMinutes: 240 };
    const policy = await t.api.ok('POST', '/api/sla-policies', { name: 'All', targets: { P1: target, P2: target, P3: target, P4: target } });
    Object.assign(ids, {
      sites: site.id, categories: category.id, devices: device.id, tickets: ticketNumber!, users: user.id ?? user.user?.id,
      teams: team.id, webhooks: webhook.id ?? webhook.webhook?.id, calendars: calendar.id, 'sla-policies': policy.id,
    });
    const doc = await t.api.ok('GET', '/api/openapi.json');
    ops = Object.entries(doc.paths).flatMap(([path, item]: [string, any]) => Object.entries(item)
      .filter(([m, op]: [string, any]) => ['post', 'put', 'patch'].includes(m) && op.requestBody?.content?.['application/json']?.schema)
      .map(([m, op]: [string, any]) => ({ method: m.toUpperCase(), path, schema: resolve(doc, op.requestBody.content['application/json'].schema) })));
  });
  afterAll(async () => {
    await t?.stop();
  });

  function resolve(doc: any, schema: any): any {
    return schema?.$ref ? doc.components.schemas[schema.$ref.split('/').pop()] : schema;
  }

  /** Fills `{id}`, `{ref}`, `{button}` with real entities of the route's family. */
  function concrete(path: string): string {
    const family = path.split('/')[2]!;
    return path.replace('{button}', '0').replace(/\{(id|ref)\}/, () => ids[family] ?? 'missing');
  }

  it('answers each with 400 VALIDATION naming the field', async () => {
    expect(ops.length).toBeGreaterThan(20);
    const misses: string[] = [];
    const checked: string[] = [];
    for (const op of ops) {
      const prop = firstProperty(op.schema);
      if (!prop) continue;
      const [field, schema] = prop;
      checked.push(`${op.method} ${op.path}`);
      const res = await t.api.request(op.method, concrete(op.path), { [field]: wrongValue(schema) });
      const ok = res.status === 400 && res.body?.error?.code === 'VALIDATION' && String(res.body.error.message).includes(field) && res.body.error.requestId;
      if (!ok) misses.push(`${op.method} ${op.path} {${field}} → ${res.status} ${JSON.stringify(res.body).slice(0, 160)}`);
    }
    expect(checked.length).toBeGreaterThanOrEqual(30); // 34 when written: every POST/PUT/PATCH with a body
    expect(misses).toEqual([]);
  });
});
