import type { DbOrTx } from '../db/client.ts';
import { auditLog } from '../db/schema.ts';

/** Admin changes are audited (design §6): who did what to which entity, with the change. */
export async function audit(
  db: DbOrTx, actor: string, action: string, entityType: string, entityId: string | null, data?: Record<string, unknown>,
): Promise<void> {
  await db.insert(auditLog).values({ actor, action, entityType, entityId, data: data ?? null });
}
