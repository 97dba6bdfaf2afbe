/** Split mode: presses go to the server's `POST /api/intake/presses` with the gateway token. */
import type { IntakePress, IntakeResult, TicketIntake } from './ticket-intake.ts';

export function createHttpIntake(serverUrl: string, token: string, timeoutMs = 10_000): TicketIntake {
  const url = new URL('/api/intake/presses', serverUrl);
  return {
    async reportPresses(batch: IntakePress[]): Promise<IntakeResult[]> {
      const body = JSON.stringify({
        presses: batch.map((p) => ({
          deviceId: p.deviceId, receivedAt: p.receivedAt.toISOString(), press: p.press,
          ...(p.telemetry && { telemetry: { data: p.telemetry.data, at: p.telemetry.at.toISOString() } }),
        })),
      });
      try {
        const res = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body,
          signal: AbortSignal.timeout(timeoutMs),
        });
        if (!res.ok) throw new Error(`server answered ${res.status}: ${(await res.text()).slice(0, 200)}`);
        const json = (await res.json()) as { results: IntakeResult[] };
        return json.results;
      } catch (err) {
        // Not committed as far as we know: no PUBACK, the device retries, pressId dedups.
        return batch.map((p) => ({ pressId: p.press.pressId, outcome: 'error' as const, message: (err as Error).message }));
      }
    },
  };
}
