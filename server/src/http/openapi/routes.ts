/** `GET /api/openapi.json` and `GET /api/docs`, open to anyone (people/access-rules.ts PUBLIC_FAMILIES). */
import { Hono } from 'hono';
import { VERSION } from '../../version.ts';
import type { AppEnv } from '../env.ts';
import { docsPage } from './docs-page.ts';
import { buildOpenApi } from './document.ts';
import { OPERATIONS } from './registry.ts';

export function openapiRoutes() {
  const r = new Hono<AppEnv>();
  // Built on first use, not at import: a registry mistake then fails the request and the test, not the server's start.
  let document: ReturnType<typeof buildOpenApi> | undefined;
  r.get('/openapi.json', (c) => c.json((document ??= buildOpenApi(OPERATIONS, VERSION))));
  r.get('/docs', docsPage);
  return r;
}
