/**
 * `GET /metrics` for Prometheus (design §7): process metrics, the broker's counters and the
 * backlogs of jobs and notifications. Counts only, no names or ids: safe without a login.
 */
import { and, eq, lte, sql } from 'drizzle-orm';
import type { Context } from 'hono';
import client from 'prom-client';
import { jobs, notifications } from '../../db/schema.ts';
import type { AppDeps, AppEnv } from '../env.ts';

export type MetricsSource = {
  connectedClients(): number;
  stats(): { presses: number; pressErrors: number; rejected: Record<string, number>; refusedConnects: number; deniedPublishes: number; telemetry: number };
};

export function createMetrics(deps: Pick<AppDeps, 'database' | 'now'>, broker: MetricsSource | null) {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry });
  const gauge = (name: string, help: string, labelNames: string[], collect: (g: client.Gauge) => Promise<void> | void) =>
    new client.Gauge({ name, help, labelNames, registers: [registry], async collect() { await collect(this); } });

  if (broker) {
    gauge('dash_mqtt_connected_clients', 'Devices connected to this broker', [], (g) => g.set(broker.connectedClients()));
    gauge('dash_presses_total', 'Presses committed through this broker since start', [], (g) => g.set(broker.stats().presses));
    gauge('dash_press_commit_errors_total', 'Presses not committed (no PUBACK; the device retries)', [], (g) => g.set(broker.stats().pressErrors));
    gauge('dash_payloads_rejected_total', 'Uplinks answered rejected, by reason', ['reason'], (g) => {
      for (const [reason, n] of Object.entries(broker.stats().rejected)) g.set({ reason }, n);
    });
    gauge('dash_connects_refused_total', 'CONNECTs refused', [], (g) => g.set(broker.stats().refusedConnects));
    gauge('dash_publishes_denied_total', 'Publishes outside a device\'s own topics', [], (g) => g.set(broker.stats().deniedPublishes));
  }
  gauge('dash_jobs_due', 'Timers due now and not yet run (scheduler lag)', [], async (g) => {
    const [row] = await deps.database.db.select({ n: sql<number>`count(*)::int` }).from(jobs).where(and(eq(jobs.status, 'pending'), lte(jobs.dueAt, deps.now())));
    g.set(row?.n ?? 0);
  });
  gauge('dash_notifications_pending', 'Notifications waiting for delivery', [], async (g) => {
    const [row] = await deps.database.db.select({ n: sql<number>`count(*)::int` }).from(notifications).where(eq(notifications.status, 'pending'));
    g.set(row?.n ?? 0);
  });

  return async function metrics(c: Context<AppEnv>) {
    return c.body(await registry.metrics(), 200, { 'content-type': registry.contentType });
  };
}
