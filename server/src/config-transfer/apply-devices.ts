/**
 * Writes the second half of a planned import inside its transaction: SLA policies, devices
 * with their button mappings, and webhooks. Returns the devices whose retained `config`
 * downlink must be pushed again once the transaction has committed.
 */
import { eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../db/client.ts';
import { categories, deviceButtons, devices, slaPolicies, webhooks, type SlaConditions, type SlaEscalation } from '../db/schema.ts';
import type { ConfigDocument, ConfigSlaPolicy } from './document.ts';
import type { ImportPlan } from './domain/plan.ts';
import { actionOf, idOf, present, type Ids, type NewSecrets } from './apply-people.ts';

type Refs = { calendarIds: Ids; categoryIds: Ids; siteIds: Ids; userIds: Ids };

function conditionsOf(c: NonNullable<ConfigSlaPolicy['conditions']>, refs: Refs): SlaConditions {
  const { sites, categories, ...rest } = c;
  return {
    ...rest,
    ...(sites && { siteIds: sites.map((s) => idOf(refs.siteIds, 'site')(s)!) }),
    ...(categories && { categoryIds: categories.map((k) => idOf(refs.categoryIds, 'category')(k)!) }),
  };
}

function escalationOf(e: NonNullable<ConfigSlaPolicy['escalation']>, refs: Refs): SlaEscalation {
  const { users, ...rest } = e;
  return { ...rest, ...(users && { userIds: users.map((u) => idOf(refs.userIds, 'user')(u)!) }) };
}

/** Default check-in interval of provision.ts: battery buttons every 6 h, mains devices every hour. */
const defaultHeartbeat = (kind: string | undefined) => ((kind ?? 'esp32') === 'esp32' ? 21_600 : 3600);

export async function applyDevices(tx: Tx, doc: ConfigDocument, plan: ImportPlan, secrets: NewSecrets, refs: Refs): Promise<{ changedDevices: string[]; disabledDevices: string[] }> {
  const updatedAt = new Date();
  let act = actionOf(plan, 'slaPolicies');
  for (const p of doc.slaPolicies) {
    const fields = present(p, {
      order: (v) => ['order', v], enabled: (v) => ['enabled', v], targets: (v) => ['targets', v], reminderPercents: (v) => ['reminderPercents', v],
      calendar: (v) => ['calendarId', idOf(refs.calendarIds, 'calendar')(v)],
      conditions: (v) => ['conditions', conditionsOf(v ?? {}, refs)],
      escalation: (v) => ['escalation', escalationOf(v ?? {}, refs)],
    });
    if (act(p.name) === 'create') await tx.insert(slaPolicies).values({ name: p.name, targets: p.targets, ...fields });
    if (act(p.name) === 'update') await tx.update(slaPolicies).set({ ...fields, updatedAt }).where(eq(slaPolicies.name, p.name));
  }

  act = actionOf(plan, 'devices');
  const changedDevices: string[] = [];
  const disabledDevices: string[] = [];
  const entries = new Map(plan.sections.devices.map((e) => [e.key, e]));
  for (const d of doc.devices) {
    const entry = entries.get(d.id)!;
    if (entry.action === 'unchanged') continue;
    const highest = Math.max(0, ...(d.buttons ?? []).map((b) => b.button + 1));
    const fields = present(d, {
      name: (v) => ['name', v], kind: (v) => ['kind', v], heartbeatS: (v) => ['heartbeatS', v], disabled: (v) => ['disabled', v],
      buttonCount: (v) => ['buttonCount', Math.max(v ?? 1, highest)],
      site: (v) => ['siteId', idOf(refs.siteIds, 'site')(v)],
    });
    if (act(d.id) === 'create') {
      await tx.insert(devices).values({
        id: d.id, name: d.name, siteId: fields.siteId as string, heartbeatS: defaultHeartbeat(d.kind), buttonCount: Math.max(1, highest),
        ...fields, secretHash: secrets.devices.get(d.id)!.hash,
      });
    } else {
      await tx.update(devices).set({ ...fields, buttonCount: sql`greatest(${devices.buttonCount}, ${Math.max(1, highest)})`, updatedAt }).where(eq(devices.id, d.id));
    }
    for (const b of d.buttons ?? []) {
      const values = { deviceId: d.id, button: b.button, categoryId: idOf(refs.categoryIds, 'category')(b.category)!, label: b.label ?? null, color: b.color ?? null };
      await tx.insert(deviceButtons).values(values).onConflictDoUpdate({ target: [deviceButtons.deviceId, deviceButtons.button], set: values });
    }
    if (entry.action === 'create' || entry.changes.some((c) => ['buttons', 'buttonCount', 'heartbeatS', 'kind'].includes(c))) changedDevices.push(d.id);
    if (d.disabled && entry.changes.includes('disabled')) disabledDevices.push(d.id);
  }
  changedDevices.push(...(await devicesShowingRenamed(tx, plan)).filter((id) => !changedDevices.includes(id)));
  const touched = plan.sections.devices.filter((e) => e.action !== 'unchanged').map((e) => e.key);
  // `unmapped`: some button below buttonCount has no category (its presses go to triage), as in provision.ts.
  if (touched.length) {
    await tx.update(devices).set({
      unmapped: sql`exists (select 1 from generate_series(0, ${devices.buttonCount} - 1) g
        where not exists (select 1 from ${deviceButtons} m where m.device_id = ${devices.id} and m.button = g))`,
    }).where(inArray(devices.id, touched));
  }

  act = actionOf(plan, 'webhooks');
  for (const w of doc.webhooks) {
    const fields = present(w, { url: (v) => ['url', v], events: (v) => ['events', v], enabled: (v) => ['enabled', v] });
    if (act(w.name) === 'create') await tx.insert(webhooks).values({ name: w.name, url: w.url, ...fields, secret: secrets.webhooks.get(w.name)! });
    if (act(w.name) === 'update') await tx.update(webhooks).set({ ...fields, updatedAt }).where(eq(webhooks.name, w.name));
  }
  return { changedDevices, disabledDevices };
}

/** Devices with a button on a category whose name changed: their labels come from it (push-config.ts). */
async function devicesShowingRenamed(tx: Tx, plan: ImportPlan): Promise<string[]> {
  const renamed = plan.sections.categories.filter((e) => e.action === 'update' && e.changes.some((c) => c === 'name' || c === 'names')).map((e) => e.key);
  if (!renamed.length) return [];
  const rows = await tx.selectDistinct({ id: deviceButtons.deviceId }).from(deviceButtons)
    .innerJoin(categories, eq(categories.id, deviceButtons.categoryId)).where(inArray(categories.key, renamed));
  return rows.map((r) => r.id);
}
