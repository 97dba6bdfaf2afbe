/**
 * The server names the fields of a VALIDATION error in its message
 * (`invalid body: name: too short; contacts.0.email: …`, server/src/http/validate.ts): split
 * it so each message shows beside its own control.
 */
import type { ApiError } from '../../../api/http.ts';

export type FieldErrors = Record<string, string>;

const PREFIX = /^invalid (?:body|query): /;

export function fieldErrors(err: ApiError): FieldErrors {
  if (err.code !== 'VALIDATION' || !PREFIX.test(err.message)) return {};
  const errors: FieldErrors = {};
  for (const part of err.message.replace(PREFIX, '').split('; ')) {
    const colon = part.indexOf(': ');
    if (colon < 0) continue;
    const field = part.slice(0, colon).trim();
    errors[field] = errors[field] ? `${errors[field]}; ${part.slice(colon + 2)}` : part.slice(colon + 2);
  }
  return errors;
}

/** The message for `field`, or for anything inside it (`contacts` gets `contacts.0.email`'s). */
export function errorFor(errors: FieldErrors, field: string): string | undefined {
  const own = Object.entries(errors).filter(([k]) => k === field || k.startsWith(`${field}.`) || k.startsWith(`${field}[`));
  return own.length ? own.map(([, m]) => m).join('; ') : undefined;
}
