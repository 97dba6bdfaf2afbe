import type { Notification } from '../../db/schema.ts';
import type { Message } from '../domain/templates.ts';

/** What one try at one channel came to. `off`: the channel cannot deliver this row at all. */
export type Delivery =
  | { kind: 'sent'; statusCode: number | null }
  | { kind: 'failed'; statusCode: number | null; error: string }
  | { kind: 'off'; reason: string };

export type Sender = (row: Notification, message: Message | null) => Promise<Delivery>;

/** A cut-down response body for the delivery log: enough to diagnose, never megabytes. */
export async function responseSnippet(res: Response): Promise<string> {
  const text = await res.text().catch(() => '');
  const snippet = text.replace(/\s+/g, ' ').trim().slice(0, 200);
  return `HTTP ${res.status}${snippet ? `: ${snippet}` : ''}`;
}

export function errorText(err: unknown): string {
  if (err instanceof Error) {
    const cause = err.cause instanceof Error ? `: ${err.cause.message}` : '';
    return err.name === 'TimeoutError' ? 'timed out' : `${err.message}${cause}`;
  }
  return String(err);
}

/**
 * One HTTP delivery (webhook, SMS gateway): any 2xx is sent; redirects are not followed
 * (a moved endpoint is a configuration error to see in the log, not to chase).
 */
export async function deliverOverHttp(url: string, init: RequestInit, timeoutMs: number): Promise<Delivery> {
  try {
    const res = await fetch(url, { ...init, redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
    if (res.status >= 200 && res.status < 300) {
      await res.body?.cancel();
      return { kind: 'sent', statusCode: res.status };
    }
    return { kind: 'failed', statusCode: res.status, error: await responseSnippet(res) };
  } catch (err) {
    return { kind: 'failed', statusCode: null, error: errorText(err) };
  }
}
