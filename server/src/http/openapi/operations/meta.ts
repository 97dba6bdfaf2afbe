/** Health and this reference itself. */
import { ref } from '../components.ts';
import type { Operation } from '../operation.ts';

export const metaOperations: Operation[] = [
  {
    method: 'get', path: '/api/health', tag: 'Health', summary: 'Is it up?', access: { public: true },
    description: 'For load balancers and curl. The broker is `n/a` on a split server.',
    responses: {
      200: { description: 'database (and broker) up', schema: ref('Health') },
      // Not the error envelope: a monitor reads the same shape in both cases.
      503: { description: 'degraded: the database or the broker is down', schema: ref('Health') },
    },
  },
  {
    method: 'get', path: '/api/openapi.json', tag: 'Reference', summary: 'This API as OpenAPI 3.1', access: { public: true },
    responses: { 200: { description: 'the OpenAPI document', schema: { type: 'object' } } },
  },
  {
    method: 'get', path: '/api/docs', tag: 'Reference', summary: 'This API as a browsable page', access: { public: true },
    responses: { 200: { description: 'a self-contained HTML page that reads /api/openapi.json', contentType: 'text/html', schema: { type: 'string' } } },
  },
];
