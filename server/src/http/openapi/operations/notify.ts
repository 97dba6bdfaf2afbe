/** Webhooks (routes/webhooks.ts) and the delivery log of every channel (routes/notifications.ts). */
import { z } from 'zod';
import { NOTIFICATION_STATUSES } from '../../../notify/domain/event-types.ts';
import { WebhookInput, WebhookPatch } from '../../../notify/webhooks.ts';
import { PageQuery } from '../../pagination.ts';
import { NotificationQuery } from '../../routes/notifications.ts';
import { pageOf, ref } from '../components.ts';
import type { Operation } from '../operation.ts';

const ADMIN = { roles: ['admin'] } as const;
const LOG_READERS = { roles: ['admin', 'manager'] } as const;
const webhook = (description: string) => ({ description, schema: ref('Webhook') });

export const notifyOperations: Operation[] = [
  {
    method: 'get', path: '/api/webhooks', tag: 'Webhooks', summary: 'List webhooks', access: ADMIN, query: PageQuery,
    responses: { 200: { description: 'a page of webhooks, oldest first; secrets only as a hint', schema: pageOf('Webhook') } },
  },
  { method: 'get', path: '/api/webhooks/{id}', tag: 'Webhooks', summary: 'Get a webhook', access: ADMIN, responses: { 200: webhook('the webhook') } },
  {
    method: 'post', path: '/api/webhooks', tag: 'Webhooks', summary: 'Create a webhook',
    description: 'Each delivery is a POST of `{id, type, occurredAt, data}` signed in `X-Dash-Signature: sha256=<hex HMAC-SHA256 of the raw body>`. '
      + 'Without a secret one is generated.',
    access: ADMIN, body: WebhookInput,
    responses: {
      201: {
        description: 'the webhook with its secret, shown only in this answer',
        schema: { allOf: [ref('Webhook'), { type: 'object', properties: { secret: { type: 'string' } }, required: ['secret'] }] },
      },
    },
  },
  {
    method: 'patch', path: '/api/webhooks/{id}', tag: 'Webhooks', summary: 'Change a webhook', access: ADMIN, body: WebhookPatch,
    responses: { 200: webhook('the changed webhook') },
  },
  { method: 'delete', path: '/api/webhooks/{id}', tag: 'Webhooks', summary: 'Delete a webhook', access: ADMIN, responses: { 204: { description: 'deleted, with its delivery log' } } },
  {
    method: 'post', path: '/api/webhooks/{id}/test', tag: 'Webhooks', summary: 'Send a test delivery',
    description: 'Queues one `webhook.test` message to this webhook only; follow it in the delivery log.',
    access: ADMIN,
    responses: { 202: { description: 'queued', schema: { type: 'object', properties: { notificationId: { type: 'string', format: 'uuid' } }, required: ['notificationId'] } } },
  },
  {
    method: 'get', path: '/api/webhooks/{id}/deliveries', tag: 'Webhooks', summary: 'A webhook\'s delivery log', access: LOG_READERS,
    // webhooks.ts extends PageQuery inline the same way.
    query: PageQuery.extend({ status: z.enum(NOTIFICATION_STATUSES).optional() }),
    responses: { 200: { description: 'a page of notifications with every attempt, newest first', schema: pageOf('Notification') } },
  },
  {
    method: 'get', path: '/api/notifications', tag: 'Notifications', summary: 'The delivery log', access: LOG_READERS,
    description: 'Notifications of every channel (webhook, e-mail, SMS, in-app) with every attempt, newest first.',
    query: NotificationQuery, responses: { 200: { description: 'a page of notifications', schema: pageOf('Notification') } },
  },
  {
    method: 'get', path: '/api/notifications/{id}', tag: 'Notifications', summary: 'Get a notification', access: LOG_READERS,
    responses: { 200: { description: 'the notification with every attempt', schema: ref('Notification') } },
  },
  {
    method: 'post', path: '/api/notifications/{id}/retry', tag: 'Notifications', summary: 'Retry a dead letter',
    description: 'Back to pending with a fresh budget of attempts; the log of earlier attempts is kept. Audited.',
    access: LOG_READERS, responses: { 200: { description: 'the notification, pending again', schema: ref('Notification') } },
    errors: { CONFLICT: 'only dead notifications can be retried' },
  },
];
