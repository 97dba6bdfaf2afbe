/** Sites, categories, calendars and SLA policies: the http/crud.ts families of design §7. */
import { z } from 'zod';
import { PageQuery } from '../../pagination.ts';
import { CalendarInput, CalendarPatch } from '../../routes/calendars.ts';
import { CategoryInput, CategoryPatch } from '../../routes/categories.ts';
import { SiteInput, SitePatch } from '../../routes/sites.ts';
import { DraftPreview, SlaPolicyInput, SlaPolicyPatch } from '../../routes/sla-policies.ts';
import { ref } from '../components.ts';
import type { Operation } from '../operation.ts';
import { crudOperations } from './crud.ts';

export const settingsOperations: Operation[] = [
  ...crudOperations({
    base: '/api/sites', tag: 'Sites', noun: 'site', plural: 'sites', component: 'Site', create: SiteInput, patch: SitePatch,
    // crud.ts reads `code` straight from the query (sites.ts `filter`).
    listQuery: PageQuery.extend({ code: z.string().optional().describe('only the site with this code') }),
    listNote: 'Staff see their own site only.',
    conflict: 'a site with this code already exists',
    inUse: 'the site still has devices or tickets; move or delete them first',
  }),
  {
    method: 'delete', path: '/api/sites/{id}/status-link', tag: 'Sites', summary: 'Remove the site\'s status board link',
    description: 'The secret is forgotten: the link answers 404 until a new one is made. Audited.',
    access: { roles: ['admin'] }, responses: { 204: { description: 'removed (also when there was none)' } },
  },
  ...crudOperations({
    base: '/api/categories', tag: 'Categories', noun: 'category', plural: 'categories', component: 'Category',
    // The same patch schema categories.ts gives crudRoutes: the key of a category never changes.
    create: CategoryInput, patch: CategoryPatch,
    listQuery: PageQuery.extend({ key: z.string().optional().describe('only the category with this key') }),
    conflict: 'a category with this key already exists',
    inUse: 'the category is mapped to buttons or has tickets, or is built in; remap or keep it',
    deleteNote: 'Built-in categories (device health) cannot be deleted.',
  }),
  ...crudOperations({
    base: '/api/calendars', tag: 'Calendars', noun: 'calendar', plural: 'calendars', component: 'Calendar', create: CalendarInput, patch: CalendarPatch,
    writeRoles: ['admin', 'manager'],
    conflict: 'a calendar with this name already exists',
    inUse: 'the calendar is used by a site or an SLA policy; change those first',
  }),
  ...crudOperations({
    base: '/api/sla-policies', tag: 'SLA policies', noun: 'SLA policy', plural: 'SLA policies', component: 'SlaPolicy', create: SlaPolicyInput, patch: SlaPolicyPatch,
    writeRoles: ['admin', 'manager'],
    conflict: 'an SLA policy with this name already exists',
    inUse: 'the policy is referenced by tickets',
  }),
  {
    method: 'post', path: '/api/sla-policies/preview', tag: 'SLA policies', summary: 'Preview a draft policy',
    description: 'When a ticket opened now at the site, in the category, would be due if `policy` were saved (replacing policy `id`, or added): '
      + 'the same answer as `GET /api/sla/preview`, computed with the draft in place. Nothing is saved.',
    access: { roles: ['admin', 'manager'] }, body: DraftPreview,
    responses: { 200: { description: 'the due times the draft would give', schema: ref('SlaPreview') } },
    errors: { NOT_FOUND: 'the site, the category or policy `id` does not exist' },
  },
];
