/**
 * `GET /api/docs`: the API reference as one self-contained page. Dash runs on-premises, often
 * without internet, so no Swagger UI from a CDN: inline CSS and script, and a CSP that allows
 * exactly those two (by hash) plus fetches to this origin.
 */
import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import type { AppEnv } from '../env.ts';
import { DOCS_SCRIPT } from './docs-script.ts';

const STYLE = `
body{font:15px/1.45 system-ui,sans-serif;margin:0;color:#1d2329;background:#fafbfc}
header{padding:1rem 1.5rem .3rem;background:#fff}
#bar{padding:.5rem 1.5rem;background:#fff;border-bottom:1px solid #dde2e7;position:sticky;top:0;z-index:1}
section,details{scroll-margin-top:6.5rem}
h1{margin:0;font-size:1.4rem}#version{color:#5b6670;margin-left:.5rem}
#about{white-space:pre-wrap;color:#3b454f;margin:.5rem 0;font-size:.9rem}
#filter{width:min(32rem,100%);padding:.4rem .6rem;font:inherit;border:1px solid #b8c1ca;border-radius:4px}
nav{margin-top:.5rem;font-size:.85rem}nav a{margin-right:.4rem}#count{margin-left:.5rem;color:#5b6670}
main{padding:0 1.5rem 3rem;max-width:72rem}#status{color:#a61b1b}
section.tag h2{margin:1.6rem 0 .3rem;font-size:1.15rem}p.desc{margin:.3rem 0;color:#3b454f}
details.op{background:#fff;border:1px solid #dde2e7;border-radius:5px;margin:.35rem 0}
details.op>summary{cursor:pointer;padding:.45rem .7rem;display:flex;gap:.8rem;align-items:baseline;flex-wrap:wrap}
code.route{font-size:.92rem}.method{display:inline-block;min-width:3.6rem;font-weight:700}
.m-get{color:#17663a}.m-post{color:#1750a6}.m-put{color:#805b00}.m-patch{color:#7a3fa0}.m-delete{color:#a61b1b}
.summary{flex:1;color:#3b454f}.role{font-size:.75rem;background:#eef1f4;border-radius:3px;padding:0 .35rem;margin-left:.25rem}
.body{padding:.2rem .9rem .8rem;border-top:1px solid #eef1f4}h4{margin:.8rem 0 .3rem;font-size:.9rem}h5{margin:.5rem 0 .2rem;font-size:.85rem}
.s4,.s5{color:#a61b1b}.s2{color:#17663a}p.who,p.type,p.refs{margin:.2rem 0;font-size:.85rem;color:#3b454f}
pre{background:#f3f5f7;padding:.5rem .7rem;overflow:auto;max-height:28rem;font-size:.8rem;margin:.2rem 0}
table.params{border-collapse:collapse;font-size:.85rem}table.params td,table.params th{border:1px solid #dde2e7;padding:.2rem .45rem;text-align:left;vertical-align:top}
td.name{font-family:monospace;white-space:nowrap}td code{font-size:.78rem;word-break:break-all}
`;

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

export const DOCS_CSP = [
  "default-src 'none'", `script-src ${sha256(DOCS_SCRIPT)}`, `style-src ${sha256(STYLE)}`,
  "connect-src 'self'", "img-src 'self' data:", "base-uri 'none'", "form-action 'none'", "frame-ancestors 'none'",
].join('; ');

export const DOCS_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Dash API</title><link rel="icon" href="data:,">
<style>${STYLE}</style>
</head><body>
<header><h1><span id="title">Dash API</span><span id="version"></span></h1>
<p id="about"></p></header>
<div id="bar"><input id="filter" type="search" placeholder="Filter: path, summary, role, tag" aria-label="Filter operations">
<a href="openapi.json">openapi.json</a><span id="count"></span>
<nav id="tags"></nav></div>
<main id="ops"><p id="status">Loading openapi.json…</p></main>
<script>${DOCS_SCRIPT}</script>
</body></html>`;

export function docsPage(c: Context<AppEnv>) {
  c.header('content-security-policy', DOCS_CSP);
  c.header('x-content-type-options', 'nosniff');
  return c.html(DOCS_HTML);
}
