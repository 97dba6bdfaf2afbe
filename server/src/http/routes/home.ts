import type { Context } from 'hono';
import type { AppEnv } from '../env.ts';

/**
 * The start page until the dashboard lands (dashboard/): what is running and how to use
 * the API. Static text only; nothing user-supplied is rendered here.
 */
export function homePage(c: Context<AppEnv>) {
  const { version } = c.get('deps');
  return c.html(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Dash</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:44rem;margin:2rem auto;padding:0 1rem}code{background:#f3f3f3;padding:0 .25rem}</style>
</head><body>
<h1>Dash is running</h1>
<p>Version ${version}. The web dashboard is not part of this version yet; use the HTTP API:</p>
<ul>
<li><code>GET /api/health</code> — status of the database and the broker</li>
<li><code>POST /api/auth/login</code> with <code>{"email","password"}</code> — then sites, categories, devices and tickets under <code>/api</code></li>
<li><code>GET /api/events</code> — live ticket events (Server-Sent Events)</li>
</ul>
<p>Devices connect over MQTT (see the README for the device contract) or over WebSocket at <code>/mqtt</code>.</p>
</body></html>`);
}
