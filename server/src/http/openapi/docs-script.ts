/**
 * The reference page's script, run in the browser: reads openapi.json and builds the page with
 * createElement and textContent only, so nothing in the document is ever parsed as HTML.
 * Plain JavaScript in a string (no backticks, no `${`): tsx would rewrite a real function.
 */
export const DOCS_SCRIPT = `'use strict';
(() => {
  const el = (tag, cls, text) => {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  };
  const add = (parent, ...kids) => { for (const k of kids) if (k) parent.append(k); return parent; };
  const REF = '#/components/schemas/';
  const refsIn = (value, found = new Set()) => {
    if (Array.isArray(value)) value.forEach((v) => refsIn(v, found));
    else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        if (k === '$ref' && typeof v === 'string' && v.startsWith(REF)) found.add(v.slice(REF.length));
        else refsIn(v, found);
      }
    }
    return found;
  };
  const schemaLink = (name) => {
    const a = el('a', 'ref', name);
    a.href = '#schema-' + encodeURIComponent(name);
    return a;
  };
  const NL = String.fromCharCode(10);
  /** JSON, indented, with short objects and arrays on one line so schemas stay readable. */
  const pretty = (v, pad = '') => {
    const flat = JSON.stringify(v);
    if (v === null || typeof v !== 'object' || flat.length + pad.length <= 80) return flat;
    const inner = pad + '  ';
    const items = Array.isArray(v) ? v.map((x) => inner + pretty(x, inner)) : Object.entries(v).map(([k, x]) => inner + JSON.stringify(k) + ': ' + pretty(x, inner));
    const [open, close] = Array.isArray(v) ? ['[', ']'] : ['{', '}'];
    return open + NL + items.join(',' + NL) + NL + pad + close;
  };
  const schemaBlock = (schema) => {
    const box = el('div', 'schema');
    const refs = [...refsIn(schema)];
    const onlyRef = Object.keys(schema).length === 1 && refs.length === 1 && schema.$ref;
    if (!onlyRef) add(box, el('pre', null, pretty(schema)));
    if (refs.length) add(box, add(el('p', 'refs', onlyRef ? 'Schema: ' : 'See: '), ...refs.flatMap((r, i) => (i ? [', ', schemaLink(r)] : [schemaLink(r)]))));
    return box;
  };
  const AUTH = { session: 'session cookie', apiToken: 'API token', gatewayToken: 'gateway token' };
  const who = (op) => {
    if (op['x-roles'] === 'public') return 'No login needed.';
    const ways = (op.security || []).flatMap((s) => Object.keys(s)).map((k) => AUTH[k] || k);
    const scope = op['x-token-scope'] ? ' (token scope ' + op['x-token-scope'] + ')' : '';
    return 'Roles: ' + op['x-roles'].join(', ') + '. With: ' + ways.join(', ') + scope + '.';
  };
  const params = (list) => {
    const table = el('table', 'params');
    add(table, add(el('tr'), el('th', null, 'name'), el('th', null, 'in'), el('th', null, 'schema'), el('th', null, 'about')));
    for (const p of list) {
      add(table, add(el('tr'), el('td', 'name', p.name + (p.required ? ' *' : '')), el('td', null, p.in),
        add(el('td'), el('code', null, JSON.stringify(p.schema || {}))), el('td', null, p.description || '')));
    }
    return table;
  };
  const operation = (path, method, op) => {
    const box = el('details', 'op');
    box.id = op.operationId || method + path;
    const roles = op['x-roles'] === 'public' ? ['public'] : op['x-roles'];
    const line = add(el('summary'), add(el('code', 'route'), el('span', 'method m-' + method, method.toUpperCase()), ' ', el('span', 'path', path)),
      el('span', 'summary', op.summary || ''), add(el('span', 'roles'), ...roles.map((r) => el('span', 'role', r))));
    add(box, line);
    const body = el('div', 'body');
    if (op.description) add(body, el('p', 'desc', op.description));
    add(body, el('p', 'who', who(op)));
    if (op.parameters && op.parameters.length) add(body, el('h4', null, 'Parameters'), params(op.parameters));
    if (op.requestBody) {
      for (const [type, media] of Object.entries(op.requestBody.content || {})) {
        add(body, el('h4', null, 'Request body (' + type + (op.requestBody.required ? '' : ', optional') + ')'), schemaBlock(media.schema || {}));
      }
    }
    add(body, el('h4', null, 'Responses'));
    for (const [status, res] of Object.entries(op.responses || {})) {
      const r = add(el('div', 'response'), el('h5', 's' + status[0], status + ' ' + (res.description || '')));
      for (const [type, media] of Object.entries(res.content || {})) add(r, el('p', 'type', type), schemaBlock(media.schema || {}));
      add(body, r);
    }
    add(box, body);
    box.dataset.search = [method, path, op.summary, op.description, roles.join(' '), (op.tags || []).join(' ')].join(' ').toLowerCase();
    return box;
  };
  const render = (doc) => {
    document.title = doc.info.title + ' API ' + doc.info.version;
    document.getElementById('title').textContent = doc.info.title + ' API';
    document.getElementById('version').textContent = 'version ' + doc.info.version + ' · OpenAPI ' + doc.openapi;
    document.getElementById('about').textContent = doc.info.description || '';
    const main = document.getElementById('ops');
    const byTag = new Map((doc.tags || []).map((t) => [t.name, { tag: t, ops: [] }]));
    for (const [path, item] of Object.entries(doc.paths || {})) {
      for (const [method, op] of Object.entries(item)) {
        const tag = (op.tags || ['Other'])[0];
        if (!byTag.has(tag)) byTag.set(tag, { tag: { name: tag }, ops: [] });
        byTag.get(tag).ops.push(operation(path, method, op));
      }
    }
    const nav = document.getElementById('tags');
    for (const { tag, ops } of byTag.values()) {
      if (!ops.length) continue;
      const section = add(el('section', 'tag'), el('h2', null, tag.name), tag.description ? el('p', 'desc', tag.description) : null, ...ops);
      section.id = 'tag-' + encodeURIComponent(tag.name);
      const a = el('a', null, tag.name);
      a.href = '#' + section.id;
      add(nav, a, ' ');
      add(main, section);
    }
    const schemas = add(el('section', 'tag'), el('h2', null, 'Schemas'));
    schemas.id = 'schemas';
    for (const [name, schema] of Object.entries((doc.components || {}).schemas || {})) {
      const box = add(el('details', 'op'), add(el('summary'), el('code', 'path', name)), schemaBlock(schema));
      box.id = 'schema-' + encodeURIComponent(name);
      box.dataset.search = 'schema ' + name.toLowerCase();
      add(schemas, box);
    }
    add(main, schemas);
    document.getElementById('status').textContent = '';
    const filter = document.getElementById('filter');
    const apply = () => {
      const q = filter.value.trim().toLowerCase();
      let shown = 0;
      for (const section of main.querySelectorAll('section')) {
        let any = false;
        for (const box of section.querySelectorAll('details')) {
          box.hidden = q !== '' && !box.dataset.search.includes(q);
          if (!box.hidden) { any = true; shown += 1; }
        }
        section.hidden = !any;
      }
      document.getElementById('count').textContent = q ? shown + ' shown' : '';
    };
    filter.addEventListener('input', apply);
    const opened = () => {
      const target = location.hash && document.getElementById(location.hash.slice(1));
      if (target && target.tagName === 'DETAILS') { target.open = true; target.scrollIntoView(); }
    };
    window.addEventListener('hashchange', opened);
    opened();
  };
  fetch('openapi.json', { headers: { accept: 'application/json' } })
    .then((res) => { if (!res.ok) throw new Error('HTTP ' + res.status); return res.json(); })
    .then(render)
    .catch((err) => { document.getElementById('status').textContent = 'Could not load openapi.json: ' + err.message; });
})();
`;
