/**
 * A minimal JSON client for the server's HTTP API (design §7): session cookie, JSON bodies,
 * and the `{error:{code,message,requestId}}` envelope turned into one error type.
 */
import { z } from 'zod';

const SESSION_COOKIE = 'dash_session';
const TIMEOUT_MS = 10_000;

const ErrorBody = z.object({
  error: z.object({ code: z.string(), message: z.string(), requestId: z.string().optional() }),
});

/** `code` is the API's error code, or `UNREACHABLE` / `BAD_RESPONSE` for transport trouble. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly requestId?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export type ApiClient = {
  /** Sends a JSON request and validates the JSON answer with `schema`. */
  request<S extends z.ZodType>(method: string, path: string, schema: S, body?: unknown): Promise<z.infer<S>>;
};

export function createApiClient(baseUrl: string): ApiClient {
  let cookie: string | undefined;

  async function send(method: string, path: string, body: unknown): Promise<Response> {
    const url = new URL(path, baseUrl);
    const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
    // Same-origin as far as CSRF checks are concerned: this is a first-party admin client.
    headers.origin = url.origin;
    if (cookie) headers.cookie = cookie;
    try {
      return await fetch(url, {
        method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message;
      throw new ApiError(0, 'UNREACHABLE', `cannot reach ${url.origin} (${cause}); is the server running? (--server)`);
    }
  }

  return {
    async request(method, path, schema, body) {
      const response = await send(method, path, body);
      const session = response.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`));
      if (session) cookie = session.split(';')[0];
      const raw: unknown = await response.json().catch(() => undefined);
      if (!response.ok) {
        const parsed = ErrorBody.safeParse(raw);
        if (parsed.success) {
          const { code, message, requestId } = parsed.data.error;
          throw new ApiError(response.status, code, `${method} ${path}: ${code} ${message}`, requestId);
        }
        throw new ApiError(response.status, `HTTP_${response.status}`, `${method} ${path}: HTTP ${response.status}`);
      }
      const parsed = schema.safeParse(raw);
      if (!parsed.success) {
        throw new ApiError(response.status, 'BAD_RESPONSE', `${method} ${path}: unexpected answer (${parsed.error.issues[0]?.message})`);
      }
      return parsed.data;
    },
  };
}
