/**
 * What a press is and how it was answered. A press is decided and written as part of its
 * batch (press-batch/report-batch.ts, in the transaction of report-presses.ts): dedup by
 * pressId → device, button mapping and open ticket → decide (domain/press-decision.ts) →
 * write press, ticket and timeline.
 */
import type { AckOutcome, PressPayload, RejectReason } from '../../../gateway/src/mqtt/contract.ts';
import type { TelemetryFields } from '../devices/telemetry-columns.ts';
import { formatTicketNumber } from '../domain/priority.ts';

export type PressInput = {
  deviceId: string;
  press: PressPayload;
  receivedAt: Date;
  source?: 'button' | 'virtual';
  /** Telemetry the gateway had not written yet: applied to the snapshot (the gateway's telemetry writer stores it). */
  telemetry?: { data: TelemetryFields; at: Date } | null;
};
export type PressOutcome = {
  pressId: string;
  outcome: AckOutcome;
  ticketId?: string;
  ticketNumber?: string;
  reason?: RejectReason;
};

export function ticketRef(ticketId: string | null, number: number | null): { ticketId?: string; ticketNumber?: string } {
  return ticketId && number ? { ticketId, ticketNumber: formatTicketNumber(number) } : {};
}
