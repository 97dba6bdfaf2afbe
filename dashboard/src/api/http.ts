/**
 * fetch for the API: JSON in and out, the session cookie sent along, errors as ApiError with
 * the server's code (design §7), and every answer checked against its schema.
 */
import type { z } from 'zod/mini';

export type ErrorCode = 'VALIDATION' | 'UNAUTHORIZED' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT' | 'RATE_LIMITED' | 'INTERNAL' | 'NETWORK';

export class ApiError extends Error {
  constructor(readonly code: ErrorCode, message: string, readonly status: number) {
    super(message);
    this.name = 'ApiError';
  }
}

type Listener = (error: ApiError) => void;
const unauthorizedListeners = new Set<Listener>();

/** Called when the session has ended (401 on a request that needs one). */
export function onUnauthorized(listener: Listener): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

export async function request<S extends z.ZodMiniType>(method: string, path: string, schema: S, body?: unknown): Promise<z.infer<S>> {
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      credentials: 'same-origin',
      // The CSRF guard wants JSON writes to say so (server/src/http/csrf.ts).
      headers: body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (err) {
    throw new ApiError('NETWORK', (err as Error).message, 0);
  }
  const text = await res.text();
  const json: unknown = text ? safeJson(text) : null;
  if (!res.ok) {
    const error = (json as { error?: { code?: ErrorCode; message?: string } } | null)?.error;
    const failure = new ApiError(error?.code ?? 'INTERNAL', error?.message ?? `${res.status} ${res.statusText}`, res.status);
    if (res.status === 401 && path !== '/api/auth/login') unauthorizedListeners.forEach((l) => l(failure));
    throw failure;
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new ApiError('INTERNAL', `unexpected answer from ${method} ${path}: ${parsed.error.message}`, res.status);
  return parsed.data;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
