/**
 * One press, as a story: dedup by pressId → load device, button mapping and open ticket →
 * decide (domain/press-decision.ts) → write press, ticket and timeline. Runs inside the
 * batch's transaction (report-presses.ts).
 */
import { eq } from 'drizzle-orm';
import type { AckOutcome, PressPayload, RejectReason } from '../../../gateway/src/mqtt/contract.ts';
import type { Tx } from '../db/client.ts';
import { devices } from '../db/schema.ts';
import { type TelemetryFields, telemetryColumns } from '../devices/telemetry-columns.ts';
import { decidePress } from '../domain/press-decision.ts';
import { resolvePressTime } from '../domain/press-time.ts';
import { formatTicketNumber } from '../domain/priority.ts';
import type { TicketDeps } from './deps.ts';
import type { Effects } from './effects.ts';
import { countRecentPresses, findPress, loadCategory, loadDevice, loadLastResolved, loadOpenTicket } from './press-context.ts';
import { applyDecision } from './apply-press-decision.ts';

export type PressInput = {
  deviceId: string;
  press: PressPayload;
  receivedAt: Date;
  source?: 'button' | 'virtual';
  /** Telemetry the gateway had not written yet: stored first, so the snapshot below is current. */
  telemetry?: { data: TelemetryFields; at: Date } | null;
};
export type PressOutcome = {
  pressId: string;
  outcome: AckOutcome;
  ticketId?: string;
  ticketNumber?: string;
  reason?: RejectReason;
};
export async function reportPress(tx: Tx, input: PressInput, deps: TicketDeps, effects: Effects): Promise<PressOutcome> {
  const { deviceId, press, receivedAt } = input;
  if (input.telemetry) await tx.update(devices).set(telemetryColumns(input.telemetry.data, input.telemetry.at)).where(eq(devices.id, deviceId));
  const seen = await findPress(tx, deviceId, press.pressId);
  if (seen) {
    // A retry: answer as before, so a device whose first ack was lost stops resending.
    const reason = (seen.reason ?? undefined) as RejectReason | undefined;
    return seen.outcome === 'rejected'
      ? { pressId: press.pressId, outcome: 'rejected', ...(reason && { reason }) }
      : { pressId: press.pressId, outcome: 'duplicate', ...ticketRef(seen.ticketId, seen.number) };
  }

  const { device, site } = await loadDevice(tx, deviceId);
  const pressedAt = resolvePressTime(receivedAt, press);
  const base = { deviceId, press, pressedAt, receivedAt, device, site };
  if (device.disabled) {
    return applyDecision(tx, deps, { ...base, category: null, decision: { kind: 'rejected', reason: 'device_disabled' } }, effects);
  }

  const { category, mapped } = await loadCategory(tx, deviceId, press.button);
  if (!mapped && !device.unmapped) await tx.update(devices).set({ unmapped: true }).where(eq(devices.id, deviceId));
  const since = new Date(receivedAt.getTime() - 60_000);
  const rules = deps.rules;
  const openTicket = await loadOpenTicket(tx, site.id, category.id, new Date(receivedAt.getTime() - rules.repeatWindowMs));
  const decision = decidePress({
    action: press.action,
    pressedAt,
    now: receivedAt,
    pressesLastMinute: await countRecentPresses(tx, deviceId, since),
    defaultPriority: category.defaultPriority,
    openTicket,
    lastResolved: openTicket ? null
      : await loadLastResolved(tx, { siteId: site.id, categoryId: category.id, deviceId, button: press.button, pressedAt, now: receivedAt }),
    rules,
  });
  return applyDecision(tx, deps, { ...base, category, decision, source: input.source ?? 'button' }, effects);
}

export function ticketRef(ticketId: string | null, number: number | null): { ticketId?: string; ticketNumber?: string } {
  return ticketId && number ? { ticketId, ticketNumber: formatTicketNumber(number) } : {};
}
