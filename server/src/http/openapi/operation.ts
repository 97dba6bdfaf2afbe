/**
 * One entry of the API registry: what `document.ts` turns into an OpenAPI operation. Request
 * schemas are the very zod schemas the routes validate with, imported from the route files.
 */
import type { z } from 'zod';
import type { Role } from '../../db/schema.ts';
import type { ErrorCode } from '../../errors.ts';
import type { Schema } from './json-schema.ts';

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/**
 * Who may call it, as the route itself checks it (requireUser, currentUser). The role table of
 * people/access-rules.ts narrows this further; document.ts applies it, so it is not repeated here.
 */
export type Access =
  | { public: true }
  | {
    /** `any`: every role the role table lets in. */
    roles: readonly Role[] | 'any';
    /** Needs a person logged in: an API token is refused. */
    personOnly?: boolean;
    /** The split gateway's token is accepted too. */
    gateway?: boolean;
  };

export type Answer = {
  description: string;
  schema?: Schema;
  /** Default application/json. */
  contentType?: string;
};

export type Operation = {
  method: Method;
  /** OpenAPI style: `/api/tickets/{ref}`. */
  path: string;
  tag: string;
  summary: string;
  description?: string;
  access: Access;
  /** Path parameters that the defaults in document.ts do not describe (or describe differently). */
  params?: Record<string, { description: string; schema: Schema }>;
  query?: z.ZodObject;
  /** Descriptions of query parameters the schema leaves unexplained. */
  queryNotes?: Record<string, string>;
  headers?: Record<string, string>;
  body?: Schema;
  /** The body may be left out entirely (a status verb without a note). */
  bodyOptional?: boolean;
  responses: Record<number, Answer>;
  /** Error answers beyond the ones every operation of its kind has, with what they mean here. */
  errors?: Partial<Record<ErrorCode, string>>;
};
