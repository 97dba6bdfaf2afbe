/**
 * Every `/api` operation, in the order the reference shows them. test/openapi.test.ts fails
 * when the app registers a route that is missing here (or the other way round).
 */
import type { Operation } from './operation.ts';
import { configTransferOperations } from './operations/config-transfer.ts';
import { deviceOperations } from './operations/devices.ts';
import { metaOperations } from './operations/meta.ts';
import { notifyOperations } from './operations/notify.ts';
import { peopleOperations } from './operations/people.ts';
import { reportOperations } from './operations/reports.ts';
import { settingsOperations } from './operations/settings.ts';
import { ticketOperations } from './operations/tickets.ts';
import { webAppOperations } from './operations/web-app.ts';

export const OPERATIONS: readonly Operation[] = [
  ...metaOperations,
  ...ticketOperations,
  ...deviceOperations,
  ...settingsOperations,
  ...peopleOperations,
  ...notifyOperations,
  ...reportOperations,
  ...configTransferOperations,
  ...webAppOperations,
];
