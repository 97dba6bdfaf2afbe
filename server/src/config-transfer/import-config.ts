/**
 * `PUT /api/config`: imports a configuration document. A dry run answers the plan and writes
 * nothing; a real import re-plans inside one transaction and applies everything or nothing,
 * upserting by natural key and never deleting. New devices, users and webhooks get fresh
 * secrets, answered once: device MQTT passwords, temporary user passwords, webhook secrets.
 */
import { randomBytes } from 'node:crypto';
import { audit } from '../audit/audit.ts';
import { DEVICE_SECRET_COST, generateSecret, hashSecret } from '../auth/password.ts';
import type { Db, DbOrTx } from '../db/client.ts';
import { AppError } from '../errors.ts';
import { applyDevices } from './apply-devices.ts';
import { applyPeople, type NewSecrets } from './apply-people.ts';
import type { ConfigDocument } from './document.ts';
import { planImport, type ImportPlan } from './domain/plan.ts';
import { duplicateWebhookNames, exportConfig } from './export-config.ts';

export type ImportOptions = { actor: string; importerEmail: string | null; now: Date };
export type NewCredentials = {
  devices: { id: string; username: string; password: string }[];
  users: { email: string; temporaryPassword: string }[];
  webhooks: { name: string; secret: string }[];
};
export type ImportResult = { plan: ImportPlan; credentials: NewCredentials; changedDevices: string[]; disabledDevices: string[] };

async function planAgainst(db: DbOrTx, doc: ConfigDocument, opts: ImportOptions): Promise<ImportPlan> {
  const current = await exportConfig(db, opts.now);
  return planImport(doc, current, { importerEmail: opts.importerEmail, ambiguousWebhooks: duplicateWebhookNames(current) });
}

export function refuse(plan: ImportPlan): never {
  const list = plan.problems.slice(0, 20).map((p) => `${p.path}: ${p.message}`).join('; ');
  throw new AppError('VALIDATION', `the configuration cannot be imported, nothing was changed: ${list}`, {
    fields: plan.problems.map((p) => ({ field: p.path, message: p.message })),
    problems: plan.problems,
  });
}

/** What the import would do; writes nothing. */
export const dryRunImport = (db: Db, doc: ConfigDocument, opts: ImportOptions) => planAgainst(db, doc, opts);

const createdKeys = (plan: ImportPlan, s: 'users' | 'devices' | 'webhooks') => plan.sections[s].filter((e) => e.action === 'create').map((e) => e.key);

/** Fresh secrets for the rows the plan creates (those `secrets` does not hold yet). */
async function addSecrets(plan: ImportPlan, secrets: NewSecrets): Promise<void> {
  for (const email of createdKeys(plan, 'users').filter((k) => !secrets.users.has(k))) {
    const password = generateSecret(12);
    secrets.users.set(email, { password, hash: await hashSecret(password) });
  }
  for (const id of createdKeys(plan, 'devices').filter((k) => !secrets.devices.has(k))) {
    const password = generateSecret();
    secrets.devices.set(id, { password, hash: await hashSecret(password, DEVICE_SECRET_COST) });
  }
  for (const name of createdKeys(plan, 'webhooks').filter((k) => !secrets.webhooks.has(k))) secrets.webhooks.set(name, `whsec_${randomBytes(24).toString('base64url')}`);
}

export async function importConfig(db: Db, doc: ConfigDocument, opts: ImportOptions): Promise<ImportResult> {
  const first = await planAgainst(db, doc, opts);
  if (first.problems.length) refuse(first);
  // Scrypt is slow on purpose: secrets are hashed before the transaction opens.
  const secrets: NewSecrets = { users: new Map(), devices: new Map(), webhooks: new Map() };
  await addSecrets(first, secrets);
  const applied = await db.transaction(async (tx) => {
    // Planned again inside the transaction: a change made meanwhile is seen, not overwritten blindly.
    const plan = await planAgainst(tx, doc, opts);
    if (plan.problems.length) refuse(plan);
    await addSecrets(plan, secrets);
    const refs = await applyPeople(tx, doc, plan, secrets);
    const devices = await applyDevices(tx, doc, plan, secrets, refs);
    await audit(tx, opts.actor, 'import', 'config', null, { summary: plan.summary });
    return { plan, ...devices };
  });
  const created = (s: 'users' | 'devices' | 'webhooks') => createdKeys(applied.plan, s);
  return {
    ...applied,
    credentials: {
      devices: created('devices').map((id) => ({ id, username: id, password: secrets.devices.get(id)!.password })),
      users: created('users').map((email) => ({ email, temporaryPassword: secrets.users.get(email)!.password })),
      webhooks: created('webhooks').map((name) => ({ name, secret: secrets.webhooks.get(name)! })),
    },
  };
}
