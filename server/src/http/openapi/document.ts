/** Builds the OpenAPI 3.1 document from the registry; throws on an entry that cannot be right. */
import { ROLES, type Role } from '../../db/schema.ts';
import { HTTP_STATUS, type ErrorCode } from '../../errors.ts';
import { decideAccess, familyOf } from '../../people/access-rules.ts';
import { COMPONENT_SCHEMAS } from './components.ts';
import { API_DESCRIPTION, SECURITY_SCHEMES, TAG_DESCRIPTIONS } from './document-text.ts';
import { inputSchema, outputSchema, type JsonSchema, type Schema } from './json-schema.ts';
import type { Operation } from './operation.ts';

const PATH_PARAMS: Record<string, { description: string; schema: Schema }> = {
  id: { description: 'the record\'s id (a UUID)', schema: { type: 'string', format: 'uuid' } },
  ref: { description: 'the ticket: its id (a UUID) or its number (INC-000123)', schema: { type: 'string' } },
};

const ERRORS: Record<ErrorCode, string> = {
  VALIDATION: 'the request is malformed; `details.fields` names each field at fault',
  UNAUTHORIZED: 'not logged in, or the API token is unknown or revoked',
  FORBIDDEN: 'the caller\'s role or the token\'s scopes do not allow it',
  NOT_FOUND: 'no such record (or one the caller may not see)',
  CONFLICT: 'the request clashes with the current state',
  RATE_LIMITED: 'too many attempts',
  INTERNAL: 'an unexpected failure; the server log has it under the requestId',
};
const CROSS_SITE = 'a cross-site write without a bearer token (CSRF) is refused';
const SAFE = new Set(['get']);
const errorAnswer = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } });

/** The roles that may call it: the route's own check, narrowed by the role table. */
function whoMayCall(op: Operation) {
  if ('public' in op.access) return null;
  const family = familyOf(op.path);
  const method = op.method.toUpperCase();
  const declared: readonly Role[] = op.access.roles === 'any' ? ROLES : op.access.roles;
  const roles = declared.filter((role) => decideAccess({ kind: 'user', role }, family, method).ok);
  if (roles.length === 0) throw new Error(`openapi: the role table lets nobody call ${method} ${op.path}`);
  const tokens = !op.access.personOnly && roles.some((r) => r !== 'staff'); // tokens cannot be staff
  const gateway = !!op.access.gateway && decideAccess({ kind: 'gateway' }, family, method).ok;
  const security = [{ session: [] }, ...(tokens ? [{ apiToken: [] }] : []), ...(gateway ? [{ gatewayToken: [] }] : [])];
  return { roles, security, scope: tokens ? `${family}:${SAFE.has(op.method) ? 'read' : 'write'}` : undefined, gateway };
}

function errorsOf(op: Operation, isPublic: boolean): Record<string, unknown> {
  const codes: Partial<Record<ErrorCode, string>> = {};
  if (op.body || op.query || op.params) codes.VALIDATION = ERRORS.VALIDATION;
  if (!isPublic) Object.assign(codes, { UNAUTHORIZED: ERRORS.UNAUTHORIZED, FORBIDDEN: ERRORS.FORBIDDEN });
  if (op.path.includes('{')) codes.NOT_FOUND = ERRORS.NOT_FOUND;
  Object.assign(codes, op.errors, { INTERNAL: ERRORS.INTERNAL });
  // csrf.ts runs before any route, whatever the route itself refuses.
  if (!SAFE.has(op.method)) codes.FORBIDDEN = codes.FORBIDDEN ? `${codes.FORBIDDEN}; or ${CROSS_SITE}` : CROSS_SITE;
  return Object.fromEntries(Object.entries(codes).map(([code, text]) => [String(HTTP_STATUS[code as ErrorCode]), errorAnswer(text)]));
}

function parametersOf(op: Operation): unknown[] {
  const path = [...op.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => {
    const p = op.params?.[name!] ?? PATH_PARAMS[name!];
    if (!p) throw new Error(`openapi: describe the path parameter ${name} of ${op.path}`);
    return { name, in: 'path', required: true, description: p.description, schema: inputSchema(p.schema) };
  });
  const query = op.query ? inputSchema(op.query) : { properties: {} };
  const props = (query.properties ?? {}) as Record<string, JsonSchema>;
  const required = (query.required ?? []) as string[];
  for (const name of Object.keys(op.queryNotes ?? {})) if (!(name in props)) throw new Error(`openapi: ${op.path} has no query parameter ${name}`);
  const queries = Object.entries(props).map(([name, schema]) => {
    const description = op.queryNotes?.[name] ?? schema.description;
    return { name, in: 'query', required: required.includes(name), schema, ...(typeof description === 'string' && { description }) };
  });
  const headers = Object.entries(op.headers ?? {}).map(([name, description]) => ({ name, in: 'header', description, schema: { type: 'string' } }));
  return [...path, ...queries, ...headers];
}

/** `post /api/tickets/{ref}/acknowledge` → `postTicketsByRefAcknowledge`. */
function operationId(op: Operation): string {
  const words = op.path.replace(/^\/api\//, '').split(/[/.-]/).filter(Boolean)
    .map((w) => (w.startsWith('{') ? `By${w.slice(1, 2).toUpperCase()}${w.slice(2, -1)}` : `${w[0]!.toUpperCase()}${w.slice(1)}`));
  return op.method + words.join('');
}

function describe(op: Operation) {
  const who = whoMayCall(op);
  const responses: Record<string, unknown> = {};
  for (const [status, a] of Object.entries(op.responses)) {
    responses[status] = { description: a.description, ...(a.schema && { content: { [a.contentType ?? 'application/json']: { schema: outputSchema(a.schema) } } }) };
  }
  for (const [status, answer] of Object.entries(errorsOf(op, !who))) {
    if (status in responses) throw new Error(`openapi: ${op.method} ${op.path} answers ${status} twice`);
    responses[status] = answer;
  }
  const params = parametersOf(op);
  return {
    operationId: operationId(op), tags: [op.tag], summary: op.summary,
    ...(op.description && { description: op.description }),
    ...(params.length && { parameters: params }),
    ...(op.body && { requestBody: { required: !op.bodyOptional, content: { 'application/json': { schema: inputSchema(op.body) } } } }),
    responses,
    security: who?.security ?? [],
    'x-roles': who ? who.roles : 'public',
    ...(who?.scope && { 'x-token-scope': who.scope }),
    ...(who?.gateway && { 'x-gateway': true }),
  };
}

export function buildOpenApi(operations: readonly Operation[], version: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  const ids = new Set<string>();
  for (const op of operations) {
    const entry = (paths[op.path] ??= {});
    if (entry[op.method]) throw new Error(`openapi: ${op.method} ${op.path} is listed twice`);
    const described = describe(op);
    if (ids.has(described.operationId)) throw new Error(`openapi: operationId ${described.operationId} is taken`);
    ids.add(described.operationId);
    entry[op.method] = described;
  }
  const tags = [...new Set(operations.map((op) => op.tag))].map((name) => ({ name, ...(TAG_DESCRIPTIONS[name] && { description: TAG_DESCRIPTIONS[name] }) }));
  return {
    openapi: '3.1.0',
    info: { title: 'Dash', version, description: API_DESCRIPTION },
    servers: [{ url: '/' }],
    tags,
    paths,
    components: { schemas: COMPONENT_SCHEMAS, securitySchemes: SECURITY_SCHEMES },
  };
}
