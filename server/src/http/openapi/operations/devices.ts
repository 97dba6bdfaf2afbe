/** Devices (routes/devices.ts), press intake (routes/intake.ts) and the live event stream. */
import { z } from 'zod';
import { DeviceId } from '../../../../../gateway/src/mqtt/contract.ts';
import { ImportBody, MAX_IMPORT_ROWS } from '../../../devices/import-devices.ts';
import { ButtonMapping, DeviceInput } from '../../../devices/provision.ts';
import { PageQuery } from '../../pagination.ts';
import { ButtonParam, DevicePatch } from '../../routes/devices.ts';
import { IntakeBody } from '../../routes/intake.ts';
import { pageOf, ref } from '../components.ts';
import type { Operation } from '../operation.ts';

const READERS = { roles: ['admin', 'manager', 'agent'] } as const;
const ADMIN = { roles: ['admin'] } as const;
const DEVICE_ID = { description: 'the device id, e.g. btn-k3m9x2q7ab', schema: DeviceId };
const BUTTON = { description: 'the button number, 0–15', schema: ButtonParam };
const device = { description: 'the device with its buttons', schema: ref('Device') };
const CONNECTION = {
  type: 'object',
  description: 'where the device connects: the broker addresses (best first; empty on a split server, whose gateways are elsewhere) and MQTT over WebSocket',
  properties: {
    mqtt: {
      type: 'array',
      items: {
        type: 'object',
        properties: { url: { type: 'string' }, host: { type: 'string' }, port: { type: 'integer' }, tls: { type: 'boolean' } },
        required: ['url', 'host', 'port', 'tls'],
      },
    },
    websocket: { type: ['string', 'null'] },
  },
  required: ['mqtt', 'websocket'],
} as const;
const IMPORT_ROW = {
  type: 'object',
  properties: {
    row: { type: 'integer', description: 'the line of the CSV file (the header is line 1)' },
    ok: { type: 'boolean' },
    deviceId: { type: ['string', 'null'], description: 'null for a row without id that was not created' },
    name: { type: ['string', 'null'] },
    site: { type: ['string', 'null'] },
    secret: { type: 'string', description: 'the MQTT password of a created device, shown this once' },
    error: { type: 'string', description: 'why the row was not created' },
  },
  required: ['row', 'ok', 'deviceId', 'name', 'site'],
} as const;

export const deviceOperations: Operation[] = [
  {
    method: 'get', path: '/api/devices', tag: 'Devices', summary: 'List devices', access: READERS,
    // devices.ts extends PageQuery inline the same way; here the cursor is the last device id.
    query: PageQuery.extend({ siteId: z.uuid().optional() }),
    queryNotes: { cursor: 'nextCursor of the previous page (the last device id)' },
    responses: { 200: { description: 'a page of devices, by id', schema: pageOf('Device') } },
  },
  {
    method: 'post', path: '/api/devices', tag: 'Devices', summary: 'Provision a device',
    description: 'Creates the device with a fresh MQTT secret and pushes its button config. The password is shown in this answer only.',
    access: ADMIN, body: DeviceInput,
    responses: {
      201: {
        description: 'the device and its MQTT credentials',
        schema: {
          type: 'object', properties: { device: ref('Device'), credentials: ref('DeviceCredentials'), connection: CONNECTION }, required: ['device', 'credentials', 'connection'],
        },
      },
    },
    errors: { CONFLICT: 'a device with this id already exists; rotate its secret to get new credentials' },
  },
  {
    method: 'post', path: '/api/devices/import', tag: 'Devices', summary: 'Provision devices from CSV',
    description: 'Columns (header line first, any order): `id` (optional: generated when empty), `name`, `site` (site code or id), '
      + '`kind` (esp32, pi, virtual, other; default esp32), `buttons` (button count), `heartbeat_s`, and `button0` … `button15` '
      + `holding category keys. Each row is created in its own transaction: a bad row is reported and the others are still created. `
      + `At most ${MAX_IMPORT_ROWS} rows. The body may also be the CSV itself with \`content-type: text/csv\` (and \`?dryRun=true\`). `
      + 'The secrets of the created devices are in this answer only.',
    access: ADMIN, body: ImportBody,
    responses: {
      200: {
        description: 'one result per row, in file order',
        schema: {
          type: 'object',
          properties: {
            dryRun: { type: 'boolean' }, created: { type: 'integer' }, failed: { type: 'integer' },
            rows: { type: 'array', items: IMPORT_ROW }, connection: CONNECTION,
          },
          required: ['dryRun', 'created', 'failed', 'rows', 'connection'],
        },
      },
    },
    errors: { VALIDATION: 'not CSV, an unknown column, or too many rows: nothing was created' },
  },
  { method: 'get', path: '/api/devices/{id}', tag: 'Devices', summary: 'Get a device', access: READERS, params: { id: DEVICE_ID }, responses: { 200: device } },
  {
    method: 'patch', path: '/api/devices/{id}', tag: 'Devices', summary: 'Change a device',
    description: 'Disabling it disconnects it now; a new heartbeatS is pushed to it. Audited.',
    access: ADMIN, params: { id: DEVICE_ID }, body: DevicePatch, responses: { 200: device },
  },
  {
    method: 'delete', path: '/api/devices/{id}', tag: 'Devices', summary: 'Delete a device', access: ADMIN, params: { id: DEVICE_ID },
    responses: { 204: { description: 'deleted and disconnected' } },
    errors: { CONFLICT: 'the device has recorded presses; disable it instead to keep the history' },
  },
  {
    method: 'put', path: '/api/devices/{id}/buttons/{button}', tag: 'Devices', summary: 'Map a button to a category',
    description: 'Creates or replaces the mapping and pushes the new config to the device.',
    access: ADMIN, params: { id: DEVICE_ID, button: BUTTON }, body: ButtonMapping.omit({ button: true }), responses: { 200: device },
  },
  {
    method: 'delete', path: '/api/devices/{id}/buttons/{button}', tag: 'Devices', summary: 'Unmap a button',
    description: 'Its presses go to triage until it is mapped again.',
    access: ADMIN, params: { id: DEVICE_ID, button: BUTTON }, responses: { 200: device },
  },
  {
    method: 'post', path: '/api/devices/{id}/rotate-secret', tag: 'Devices', summary: 'Rotate a device\'s MQTT secret',
    description: 'The old secret stops working at once and the device is disconnected.',
    access: ADMIN, params: { id: DEVICE_ID },
    responses: {
      200: {
        description: 'the new credentials, shown once',
        schema: { type: 'object', properties: { credentials: ref('DeviceCredentials'), connection: CONNECTION }, required: ['credentials', 'connection'] },
      },
    },
  },
  {
    method: 'post', path: '/api/intake/presses', tag: 'Intake', summary: 'Report presses',
    description: 'Presses in the device contract\'s shape, idempotent by pressId; each gets its own result. '
      + 'Split gateways send receivedAt with the gateway token; people (the virtual button) are timed by the server, '
      + 'and staff may press only devices of their own site.',
    access: { roles: 'any', gateway: true }, body: IntakeBody,
    responses: {
      200: {
        description: 'one result per press, in order',
        schema: { type: 'object', properties: { results: { type: 'array', items: ref('PressResult') } }, required: ['results'] },
      },
    },
  },
  {
    method: 'get', path: '/api/events', tag: 'Events', summary: 'Live ticket and device changes (Server-Sent Events)',
    description: 'Event names: `ready` (first, once), `resync` (too far behind to replay: reload your lists), '
      + '`ticket.created`, `ticket.merged`, `ticket.updated`, `device.updated`, `notification`; '
      + 'each data line is `{id, type, occurredAt, data}` as JSON. A comment line keeps idle connections open every 15 s. '
      + 'Staff receive only their own site\'s tickets.',
    access: { roles: 'any' },
    query: z.object({ lastEventId: z.string().optional() }),
    queryNotes: { lastEventId: 'for clients that cannot set headers: the same as Last-Event-ID' },
    headers: { 'Last-Event-ID': 'resume after this event id; missed events still in memory are replayed' },
    responses: { 200: { description: 'an endless event stream', contentType: 'text/event-stream', schema: { type: 'string' } } },
  },
];
