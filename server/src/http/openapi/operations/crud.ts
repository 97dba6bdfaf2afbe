/** The five operations of an http/crud.ts family (list, get, create, patch, delete). */
import type { z } from 'zod';
import type { Role } from '../../../db/schema.ts';
import { PageQuery } from '../../pagination.ts';
import { pageOf, ref, type ComponentName } from '../components.ts';
import type { Operation } from '../operation.ts';

export type CrudDoc = {
  base: string;
  tag: string;
  /** Singular, for summaries: `site`. */
  noun: string;
  plural: string;
  component: ComponentName;
  create: z.ZodType;
  patch: z.ZodType;
  /** Same default as crudRoutes: admin only. */
  writeRoles?: readonly Role[];
  /** Extra filters the route reads from the query besides the page. */
  listQuery?: z.ZodObject;
  listNote?: string;
  conflict: string;
  inUse: string;
  deleteNote?: string;
};

export function crudOperations(d: CrudDoc): Operation[] {
  const writers = { roles: d.writeRoles ?? ['admin'] } as const;
  const item = `${d.base}/{id}`;
  return [
    {
      method: 'get', path: d.base, tag: d.tag, summary: `List ${d.plural}`, access: { roles: 'any' },
      ...(d.listNote && { description: d.listNote }),
      query: d.listQuery ?? PageQuery, responses: { 200: { description: `a page of ${d.plural}, oldest first`, schema: pageOf(d.component) } },
    },
    {
      method: 'get', path: item, tag: d.tag, summary: `Get a ${d.noun}`, access: { roles: 'any' },
      responses: { 200: { description: `the ${d.noun}`, schema: ref(d.component) } },
    },
    {
      method: 'post', path: d.base, tag: d.tag, summary: `Create a ${d.noun}`, access: writers, body: d.create,
      description: 'Audited.', responses: { 201: { description: `the new ${d.noun}`, schema: ref(d.component) } }, errors: { CONFLICT: d.conflict },
    },
    {
      method: 'patch', path: item, tag: d.tag, summary: `Change a ${d.noun}`, access: writers, body: d.patch,
      description: 'Only the fields sent change. Audited.', responses: { 200: { description: `the changed ${d.noun}`, schema: ref(d.component) } },
      errors: { CONFLICT: d.conflict },
    },
    {
      method: 'delete', path: item, tag: d.tag, summary: `Delete a ${d.noun}`, access: writers,
      description: `${d.deleteNote ? `${d.deleteNote} ` : ''}Audited.`, responses: { 204: { description: 'deleted' } }, errors: { CONFLICT: d.inUse },
    },
  ];
}
