/**
 * Compile-time proof that the server's answers fit what integrations.ts parses (like
 * server-types.check.ts): a renamed or retyped field fails the typecheck here.
 */
import type { toApiTokenView } from '../../../server/src/auth/api-tokens.ts';
import type { NotificationView } from '../../../server/src/notify/delivery-log.ts';
import type { toWebhookView } from '../../../server/src/notify/webhooks.ts';
import type { ImportPlan as ServerPlan } from '../../../server/src/config-transfer/domain/plan.ts';
import type { NewCredentials } from '../../../server/src/config-transfer/import-config.ts';
import type { ApiToken, ImportAnswer, ImportPlan, Notification, Webhook } from './integrations.ts';

type Fits<Server, Client> = [Server] extends [Client] ? true : { server: Server; doesNotFit: Client };

export const INTEGRATION_SHAPES_FIT: [
  Fits<ReturnType<typeof toWebhookView>, Webhook>,
  Fits<Omit<NotificationView, 'body'>, Omit<Notification, 'body'>>,
  Fits<ReturnType<typeof toApiTokenView>, ApiToken>,
  Fits<ServerPlan, ImportPlan>,
  Fits<NewCredentials, NonNullable<ImportAnswer['credentials']>>,
] = [true, true, true, true, true];
