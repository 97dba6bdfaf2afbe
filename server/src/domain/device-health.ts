/**
 * Device health as tickets (design §3): which causes hold for a device right now.
 * Mains devices (Pi panels and others) are expected online: `lost` longer than the grace
 * period is an outage. Battery buttons (ESP32) sleep between presses, so for them only a
 * missed check-in (1.5 × heartbeat without a word) counts. Virtual buttons have no health.
 */
export type HealthCause = 'offline' | 'missed_checkin' | 'battery_low';
export const HEALTH_CAUSES: readonly HealthCause[] = ['offline', 'missed_checkin', 'battery_low'];

export type DeviceHealthFacts = {
  kind: 'esp32' | 'pi' | 'virtual' | 'other';
  disabled: boolean;
  state: string | null;
  stateAt: Date | null;
  lastSeenAt: Date | null;
  heartbeatS: number;
  batteryPct: number | null;
};

export type HealthRules = { lostGraceMs: number; batteryTicketBelowPct: number; batteryWarnBelowPct: number };
export const DEFAULT_HEALTH_RULES: HealthRules = { lostGraceMs: 5 * 60_000, batteryTicketBelowPct: 20, batteryWarnBelowPct: 40 };

export function isBatteryPowered(kind: DeviceHealthFacts['kind']): boolean {
  return kind === 'esp32';
}

/** The causes that hold now; a device never seen yet has none (it was just provisioned). */
export function healthCauses(d: DeviceHealthFacts, now: Date, rules: HealthRules): HealthCause[] {
  if (d.disabled || d.kind === 'virtual' || !d.lastSeenAt) return [];
  const causes: HealthCause[] = [];
  const t = now.getTime();
  if (isBatteryPowered(d.kind)) {
    if (t - d.lastSeenAt.getTime() > 1.5 * d.heartbeatS * 1000) causes.push('missed_checkin');
  } else if (d.state === 'lost' && d.stateAt && t - d.stateAt.getTime() > rules.lostGraceMs) {
    causes.push('offline');
  }
  if (d.batteryPct !== null && d.batteryPct < rules.batteryTicketBelowPct) causes.push('battery_low');
  return causes;
}

/** Below 40 % a battery is shown as a warning only; below 20 % it becomes a ticket. */
export function batteryLevel(pct: number | null, rules: HealthRules): 'ok' | 'warning' | 'critical' | 'unknown' {
  if (pct === null) return 'unknown';
  if (pct < rules.batteryTicketBelowPct) return 'critical';
  return pct < rules.batteryWarnBelowPct ? 'warning' : 'ok';
}

export const HEALTH_TITLES: Record<HealthCause, string> = {
  offline: 'offline',
  missed_checkin: 'missed its check-in',
  battery_low: 'battery low',
};
