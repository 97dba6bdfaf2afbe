/**
 * How the gateway reaches the ticket verbs (design §1): in-process in all-in-one mode,
 * the server's HTTP intake API in split mode. A result is known only after the press is
 * committed; `error` means it was not, and the device must retry.
 */
import type { AckOutcome, PressPayload, RejectReason, TelemetryPayload } from '../mqtt/contract.ts';

/** `telemetry`: what the device reported and the gateway has not written yet; applied to the press's snapshot. */
export type IntakePress = {
  deviceId: string;
  press: PressPayload;
  receivedAt: Date;
  telemetry?: { data: Omit<TelemetryPayload, 'v'>; at: Date } | null;
};
export type IntakeResult =
  | { pressId: string; outcome: AckOutcome; ticketNumber?: string; ticketId?: string; reason?: RejectReason }
  | { pressId: string; outcome: 'error'; message: string };

export interface TicketIntake {
  reportPresses(batch: IntakePress[]): Promise<IntakeResult[]>;
}
