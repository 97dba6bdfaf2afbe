/** Configuration export and import (routes/config-transfer.ts). */
import { z } from 'zod';
import { ConfigDocument } from '../../../config-transfer/document.ts';
import { SECTIONS } from '../../../config-transfer/domain/plan.ts';
import { ImportQuery } from '../../routes/config-transfer.ts';
import { outputSchema } from '../json-schema.ts';
import type { Operation } from '../operation.ts';

const ADMIN = { roles: ['admin'] } as const;
const ACTIONS = ['create', 'update', 'unchanged'] as const;
const perSection = <T extends z.ZodType>(item: T) => z.object(Object.fromEntries(SECTIONS.map((s) => [s, item])) as Record<(typeof SECTIONS)[number], T>);

const PlanShape = z.object({
  sections: perSection(z.array(z.object({
    key: z.string().describe('the natural key: name, code, key, e-mail or device id'),
    action: z.enum(ACTIONS),
    changes: z.array(z.string()).describe('the fields an update changes'),
  }))),
  summary: perSection(z.object({ create: z.int(), update: z.int(), unchanged: z.int() })),
  problems: z.array(z.object({ path: z.string().describe('e.g. devices[2].buttons[0].category'), message: z.string() }))
    .describe('anything that stops the import; a real import with problems answers VALIDATION and writes nothing'),
});

const ImportAnswer = z.object({
  dryRun: z.boolean(),
  plan: PlanShape,
  credentials: z.object({
    devices: z.array(z.object({ id: z.string(), username: z.string(), password: z.string() })).describe('MQTT credentials of the devices created'),
    users: z.array(z.object({ email: z.string(), temporaryPassword: z.string() })).describe('people created: pass these on; they change them on their profile'),
    webhooks: z.array(z.object({ name: z.string(), secret: z.string() })).describe('signing secrets of the webhooks created'),
  }).optional().describe('real imports only; shown in this answer only'),
});

export const configTransferOperations: Operation[] = [
  {
    method: 'get', path: '/api/config', tag: 'Configuration', summary: 'Export the configuration',
    description: 'One versioned JSON document: calendars, teams (members by e-mail), categories (with per-language names and articles), '
      + 'sites, users, SLA policies, devices with their button mappings, and webhooks. References are natural keys (site code, category key, '
      + 'calendar, team and policy name, user e-mail), never ids, so the document imports into another installation. '
      + 'No secrets: no password or device secret hashes, status-board links or webhook secrets.',
    access: ADMIN,
    responses: { 200: { description: 'the configuration document (sent as an attachment)', schema: outputSchema(ConfigDocument) } },
  },
  {
    method: 'put', path: '/api/config', tag: 'Configuration', summary: 'Import a configuration',
    description: 'Upserts every entry by its natural key, in one transaction: all or nothing. Never deletes: what the document lacks stays, '
      + 'and team members and button mappings are only added. A field left out of an entry keeps its value. '
      + 'New devices, users and webhooks get fresh secrets, answered once in `credentials`; users get a temporary password. '
      + 'Devices whose mapping changed get their config pushed again. Audited. With `?dryRun=true` only the plan is answered and nothing is written.',
    access: ADMIN, query: ImportQuery, queryNotes: { dryRun: 'true: answer the plan (create / update / unchanged per entry, and problems) and write nothing' },
    body: ConfigDocument,
    responses: { 200: { description: 'the plan, and for a real import the new credentials', schema: outputSchema(ImportAnswer) } },
    errors: { VALIDATION: 'the document does not fit the schema (the fields name the path), or the plan has problems, e.g. an unknown category key; nothing was written' },
  },
];
