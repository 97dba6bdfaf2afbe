import type { Logger } from 'pino';
import type { Db } from '../db/client.ts';
import type { PressRules } from '../domain/press-decision.ts';
import type { LedPattern } from '../domain/ticket-states.ts';
import type { EventBus } from '../events/bus.ts';

/** Downlinks to devices (LED patterns, button config); absent where no broker is reachable. */
export type DeviceDownlink = {
  led(deviceId: string, button: number, pattern: LedPattern): void;
  config(deviceId: string, payload: { buttons: { button: number; label: string; color: string }[]; holdMs: number; doubleMs: number; heartbeatS: number }): void;
};

/** What ticket verbs need besides their transaction. */
export type TicketDeps = {
  db: Db;
  onPostgres: boolean;
  bus: EventBus;
  rules: PressRules;
  confirmWindowMs: number;
  autoCloseMs: number;
  downlink: DeviceDownlink | null;
  /** Re-arm the job timer after a commit that scheduled jobs. */
  wakeScheduler: () => void;
  now: () => Date;
  log: Logger;
};
