'use strict';
// The Tributary console: one page per tab, each fetched from /console/api/ and fetched again whenever the event
// stream says that what it shows changed. Every value is set as text (never as HTML): the log is untrusted input.

const pages = {
  services: { listens: ['views', 'instances'], render: renderServices },
  timeline: { listens: ['views', 'usage'], render: renderTimeline },
  schema: { listens: ['views'], render: renderSchema },
  gateways: { listens: ['gateways', 'views', 'usage'], render: renderGateways },
  rejected: { listens: ['rejected'], render: renderRejected },
  curation: { listens: ['curation', 'views'], render: renderCuration },
  usage: { listens: ['usage', 'views'], render: renderUsage },
  // A form: what the log brings does not redraw it (that would wipe what the operator pasted).
  check: { listens: [], render: renderCheck },
};

const main = document.getElementById('page');
let current = { name: 'services', arg: '' };
let renders = 0;

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith('on')) node.addEventListener(key.substring(2), value);
    else node.setAttribute(key, value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function table(id, headers, rows) {
  return el('table', { id }, el('thead', {}, el('tr', {}, headers.map(h => el('th', {}, h)))), el('tbody', {}, rows));
}

function badge(text, kind) {
  return el('span', { class: 'badge ' + (kind || text) }, text);
}

function age(millis) {
  if (millis === null || millis === undefined) return '';
  const s = Math.floor(millis / 1000);
  if (s < 60) return s + 's';
  if (s < 3600) return Math.floor(s / 60) + 'm ' + (s % 60) + 's';
  return Math.floor(s / 3600) + 'h ' + Math.floor((s % 3600) / 60) + 'm';
}

function time(iso) {
  return iso ? iso.replace('T', ' ').replace(/\.\d+Z$/, 'Z') : '';
}

async function api(path) {
  const response = await fetch('/console/api/' + path, { cache: 'no-store' });
  const body = await response.json();
  if (!response.ok) throw new Error(body.message || response.statusText);
  return body;
}

function changeList(changes) {
  if (!changes.length) return el('div', { class: 'muted' }, 'no schema change');
  return el('ul', { class: 'changes' }, changes.map(c => el('li', {}, badge(c.level), ' ', el('code', {}, c.coordinate), ' ', c.message)));
}

// ---- Services -------------------------------------------------------------------------------------------------

async function renderServices() {
  const data = await api('services');
  if (data.version === null) return [el('p', { class: 'empty' }, 'No view yet: no service has published.')];
  const rows = [];
  for (const service of data.services) {
    for (const instance of service.instances) {
      rows.push(el('tr', { 'data-instance': service.service + '/' + instance.instanceId },
        el('td', {}, service.service), el('td', {}, badge(service.status)), el('td', { class: 'mono' }, instance.instanceId),
        el('td', {}, instance.version), el('td', { class: 'mono' }, instance.baseUrl),
        el('td', {}, instance.leaseAgeMillis === null ? '' : age(instance.leaseAgeMillis) + ' of ' + age(instance.leaseMillis)),
        el('td', {}, badge(instance.state))));
    }
  }
  for (const expired of data.expired) {
    const [service, id] = expired.instance.split('/');
    rows.push(el('tr', { 'data-instance': expired.instance },
      el('td', {}, service), el('td', {}), el('td', { class: 'mono' }, id), el('td', {}, expired.version), el('td', {}),
      el('td', {}, 'expired ' + time(expired.expiredAt) + ' (view ' + expired.viewVersion + ')'), el('td', {}, badge('expired'))));
  }
  const diagnostics = [];
  for (const service of data.services) {
    for (const d of service.diagnostics) diagnostics.push([service.service, d]);
  }
  for (const d of data.graphDiagnostics) diagnostics.push(['(graph)', d]);
  return [
    el('p', { class: 'summary' }, 'Graph ', el('b', {}, data.graph), ', view ', el('b', { id: 'view-version' }, data.version), ': ',
      data.services.length + ' services, ' + data.services.reduce((n, s) => n + s.instances.length, 0) + ' live instances.'),
    table('instances', ['Service', 'Status', 'Instance', 'Version', 'Base URL', 'Lease', 'State'], rows),
    el('h2', {}, 'Diagnostics'),
    diagnostics.length === 0 ? el('p', { class: 'empty' }, 'No diagnostics.')
      : table('diagnostics', ['Service', 'Severity', 'Code', 'Where', 'Message'], diagnostics.map(([service, d]) =>
        el('tr', {}, el('td', {}, service), el('td', {}, badge(d.severity)), el('td', { class: 'mono' }, d.code),
          el('td', { class: 'mono' }, d.where), el('td', {}, d.message)))),
  ];
}

// ---- Timeline and diff ----------------------------------------------------------------------------------------

let expanded = new Set();

async function renderTimeline(arg) {
  const entries = await api('timeline');
  if (!entries.length) return [el('p', { class: 'empty' }, 'No view yet.')];
  const versions = entries.map(e => e.version);
  const [from, to] = arg.includes('..') ? arg.split('..').map(Number) : [versions[1] ?? versions[0], versions[0]];
  const rows = [];
  for (const e of entries) {
    rows.push(el('tr', { class: 'clickable', 'data-version': e.version, onclick: () => toggle(e.version) },
      el('td', {}, e.version), el('td', {}, time(e.composedAt)), el('td', {}, badge(e.cause, 'cause')),
      el('td', { class: 'mono' }, e.key), el('td', {}, e.deploy),
      el('td', {}, e.breaking ? badge(e.breaking + ' breaking', 'BREAKING') : ''),
      el('td', {}, e.dangerous ? badge(e.dangerous + ' dangerous', 'DANGEROUS') : ''),
      el('td', {}, e.safe ? e.safe + ' safe' : ''),
      el('td', {}, e.broke.length ? badge(e.broke.length + ' broken', 'BREAKING') : '')));
    if (expanded.has(e.version)) {
      rows.push(el('tr', { class: 'changes-row' }, el('td', {}), el('td', { colspan: 8 }, changeList(e.changes))));
    }
    if (e.broke.length) {
      rows.push(el('tr', { class: 'broke-row', 'data-broke': e.version }, el('td', {}), el('td', { colspan: 8 },
        el('span', { class: 'badge BREAKING' }, 'broke ' + e.broke.length + (e.broke.length === 1 ? ' operation' : ' operations')), ' ',
        e.broke.map(o => el('span', { class: 'mono' }, operationName(o), ' ', el('span', { class: 'muted' }, '(' + clientList(o.clients) + ') '))))));
    }
  }
  const select = (id, value) => el('select', { id }, versions.map(v => el('option', { value: v, selected: v === value }, 'view ' + v)));
  const diff = await renderDiff(from, to);
  return [
    el('h2', {}, 'Views'),
    table('timeline', ['Version', 'Composed', 'Event', 'Instance', 'Deploy', 'Breaking', 'Dangerous', 'Safe', 'Operations broken'], rows),
    el('h2', {}, 'Compare two versions'),
    el('p', {}, select('diff-from', from), ' → ', select('diff-to', to), ' ',
      el('button', { id: 'diff-go', onclick: () => {
        location.hash = 'timeline/' + document.getElementById('diff-from').value + '..' + document.getElementById('diff-to').value;
      } }, 'Compare')),
    diff,
  ];
}

function toggle(version) {
  if (expanded.has(version)) expanded.delete(version); else expanded.add(version);
  show();
}

async function renderDiff(from, to) {
  if (from === to) return el('p', { class: 'empty' }, 'Pick two different versions.');
  const diff = await api('diff?from=' + from + '&to=' + to);
  return el('div', { id: 'diff' },
    el('h3', {}, 'View ' + diff.from + ' → view ' + diff.to),
    changeList(diff.changes),
    el('table', { class: 'diff', id: 'diff-table' },
      el('thead', {}, el('tr', {}, el('th', {}, 'view ' + diff.from), el('th', {}, 'view ' + diff.to))),
      el('tbody', {}, diff.rows.map(r => r.tag === 'SKIP'
        ? el('tr', { class: 'SKIP' }, el('td', { colspan: 2 }, '⋯ ' + r.skipped + ' unchanged lines'))
        : el('tr', { class: r.tag }, el('td', { class: 'left' }, r.left), el('td', { class: 'right' }, r.right))))));
}

// ---- Schema explorer and blame --------------------------------------------------------------------------------

let filter = '';

async function renderSchema(arg) {
  const schema = await api('schema');
  if (schema.version === null) return [el('p', { class: 'empty' }, 'No view yet.')];
  const [typeName, fieldName] = arg.split('.');
  const selected = schema.types.find(t => t.name === typeName) || schema.types.find(t => t.name === 'Query');
  const list = el('div', { class: 'types', id: 'types' }, schema.types
    .filter(t => t.name.toLowerCase().includes(filter.toLowerCase()))
    .map(t => el('a', { href: '#schema/' + t.name, class: t === selected ? 'selected' : null }, t.name)));
  const search = el('input', { type: 'search', id: 'type-filter', placeholder: 'Filter types', value: filter,
    oninput: e => { filter = e.target.value; show(); } });
  const detail = [el('h2', { id: 'type-name' }, selected.name, ' ', el('span', { class: 'muted' }, selected.kind)),
    selected.description ? el('p', {}, selected.description) : null,
    el('p', {}, selected.owner ? ['Owned by ', el('b', {}, selected.owner.service), ' (resource ', el('code', {}, selected.owner.resource), ')']
      : el('span', { class: 'muted' }, 'Shared by the graph (no single owner).')),
    table('fields', ['Field', 'Type', 'Description', 'Service', 'REST operation', ''], selected.fields.map(f =>
      el('tr', { 'data-field': selected.name + '.' + f.name, class: f.name === fieldName ? 'selected' : null },
        el('td', { class: 'mono' }, f.name, f.deprecation ? [' ', badge('deprecated', 'DANGEROUS')] : []),
        el('td', { class: 'mono' }, f.type), el('td', {}, f.description),
        el('td', {}, f.owner ? f.owner.service + ' · ' + f.owner.resource : ''),
        el('td', {}, f.operation ? [el('code', {}, f.operation), ' ', el('span', { class: 'muted' }, f.operationKind)] : ''),
        el('td', {}, el('a', { href: '#schema/' + selected.name + '.' + f.name }, 'blame')))))];
  const coordinate = fieldName ? selected.name + '.' + fieldName : selected.name;
  const blame = await api('blame?coordinate=' + encodeURIComponent(coordinate));
  detail.push(el('h3', {}, 'Blame: ', el('code', { id: 'blame-coordinate' }, coordinate)),
    blame.length === 0 ? el('p', { class: 'empty' }, coordinate + ' is in no view of the history.')
      : table('blame', ['Version', 'Composed', 'What', 'Event', 'Instance', 'Deploy', 'Offset'], blame.map(b =>
        el('tr', {}, el('td', {}, b.version), el('td', {}, time(b.composedAt)), el('td', {}, b.what), el('td', {}, b.event),
          el('td', { class: 'mono' }, b.key), el('td', {}, b.deploy), el('td', {}, b.offset)))));
  return [el('p', { class: 'summary' }, 'View ', el('b', {}, schema.version), ': ', schema.types.length + ' types.'),
    el('div', { class: 'columns' }, el('div', {}, search, list), el('div', {}, detail))];
}

// ---- Gateways -------------------------------------------------------------------------------------------------

async function renderGateways() {
  const data = await api('gateways');
  if (!data.gateways.length) return [el('p', { class: 'empty' }, 'No gateway has reported yet.')];
  const state = g => g.silent ? 'silent' : g.refusedVersion > g.version ? 'refused' : g.behind > 0 ? 'behind' : 'ok';
  const drifting = data.gateways.filter(g => state(g) !== 'ok');
  return [
    el('p', { class: 'summary', id: 'drift' }, drifting.length === 0
      ? 'No drift: every gateway serves view ' + data.latest + '.'
      : drifting.length + ' of ' + data.gateways.length + ' gateways drift from view ' + data.latest + '.'),
    table('gateways', ['Gateway', 'Serves', 'Behind', 'Applied', 'Lag', 'Broken by last swap', 'Refused', 'Kafka', 'Reported', 'State'],
      data.gateways.map(g => el('tr', { 'data-gateway': g.gateway },
        el('td', { class: 'mono' }, g.gateway), el('td', {}, 'view ' + g.version, ' ', el('span', { class: 'muted mono' }, g.hash)),
        el('td', {}, g.behind), el('td', {}, time(g.appliedAt)), el('td', {}, g.lagMillis + ' ms'),
        el('td', {}, plural(g.brokenOperations, 'operation') + (g.skippedOperations ? ' (' + g.skippedOperations + ' not checked)' : '')),
        el('td', {}, g.refusedVersion ? 'view ' + g.refusedVersion + ': ' + g.refusedReason : ''),
        el('td', {}, g.connection.toLowerCase().replace('_', ' ')), el('td', {}, age(g.sinceReportMillis) + ' ago'),
        el('td', {}, badge(state(g)))))),
    ...brokenByGateways(data.gateways),
  ];
}

// The operations each gateway's served view breaks, as the gateway named them (the first 20), with who sent them.
function brokenByGateways(gateways) {
  const breaking = gateways.filter(g => g.brokenOperations > 0);
  if (!breaking.length) return [];
  return [el('h2', {}, 'Operations the served views break'),
    table('gateway-broken', ['Gateway', 'View', 'Operation', 'Hash', 'Clients (last 7 days)', 'Document', 'Reason'],
      breaking.flatMap(g => [
        ...g.namedBrokenOperations.map(o => el('tr', { 'data-gateway': g.gateway, 'data-operation': o.name },
          el('td', { class: 'mono' }, g.gateway), el('td', {}, 'view ' + g.version), el('td', { class: 'mono' }, o.name),
          el('td', { class: 'mono muted' }, o.hash), el('td', {}, clientList(o.clients)), el('td', { class: 'mono' }, o.excerpt),
          el('td', {}, o.reason))),
        g.brokenOperations > g.namedBrokenOperations.length
          ? el('tr', { 'data-gateway': g.gateway }, el('td', { class: 'mono' }, g.gateway), el('td', {}, 'view ' + g.version),
            el('td', { colspan: 5, class: 'muted' }, (g.brokenOperations - g.namedBrokenOperations.length) + ' more, not named'))
          : null,
      ].filter(Boolean)))];
}

// ---- Rejected events and curation -----------------------------------------------------------------------------

async function renderRejected() {
  const rejected = await api('rejected');
  if (!rejected.length) return [el('p', { class: 'empty' }, 'No event has been rejected.')];
  return [el('p', { class: 'summary' }, 'The latest ' + rejected.length + ' events the aggregator could not use, newest first.'),
    table('rejected', ['Offset', 'Rejected at', 'Key', 'Reason', 'Original'], rejected.map(r =>
    el('tr', {}, el('td', {}, r.offset), el('td', {}, time(r.at)), el('td', { class: 'mono' }, r.key), el('td', {}, r.reason),
      el('td', { class: 'mono' }, r.source))))];
}

async function renderCuration() {
  const rules = await api('curation');
  if (!rules.length) return [el('p', { class: 'empty' }, 'No curation rule.')];
  const active = rules.filter(r => r.active).length;
  return [el('p', { class: 'summary' }, active + (active === 1 ? ' rule' : ' rules') + ' in force, each with the views its changes made (descriptions and'
      + ' deprecations show in the diff, not as classified changes).'),
    table('rules', ['Rule', 'Kind', 'Target', 'Value', 'State', 'What it changed'], rules.map(r =>
    el('tr', { 'data-rule': r.id }, el('td', { class: 'mono' }, r.id), el('td', {}, r.kind), el('td', { class: 'mono' }, r.target),
      el('td', {}, r.value), el('td', {}, badge(r.active ? 'active' : 'removed', r.active ? 'ok' : 'off')),
      el('td', {}, r.views.map(v => el('div', {},
        el('a', { href: '#timeline/' + (v.version - 1) + '..' + v.version }, 'view ' + v.version), ' ', time(v.composedAt),
        v.changes.length ? changeList(v.changes) : el('div', { class: 'muted' }, 'no classified change: see the diff')))))))];
}

// ---- Usage ----------------------------------------------------------------------------------------------------

function operationName(o) {
  return o.name || '(anonymous)';
}

function clientName(c) {
  return (c.client || '(unnamed)') + (c.version ? '@' + c.version : '');
}

function plural(count, noun) {
  return count + ' ' + noun + (count === 1 ? '' : 's');
}

function clientList(clients) {
  return clients.map(c => clientName(c) + ' ×' + c.count).join(', ');
}

async function renderUsage() {
  const data = await api('usage');
  if (!data.operations.length) {
    return [el('p', { class: 'empty' }, 'No gateway has reported an operation in the last ' + data.days + ' days.')];
  }
  return [
    el('p', { class: 'summary' }, plural(data.executions, 'execution') + ' of ' + plural(data.operations.length, 'operation')
      + ' in the last ' + data.days + ' days, as the gateways reported them.'),
    el('h2', {}, 'Most used operations'),
    table('usage-operations', ['Operation', 'Hash', 'Executions', 'Errors', 'Clients', 'Document'], data.operations.map(o =>
      el('tr', { 'data-operation': operationName(o) }, el('td', { class: 'mono' }, operationName(o)), el('td', { class: 'mono muted' }, o.hash),
        el('td', {}, o.count), el('td', {}, o.errors), el('td', {}, clientList(o.clients)), el('td', { class: 'mono' }, o.document)))),
    el('div', { class: 'columns-even' },
      el('div', {}, el('h2', {}, 'Most used fields'),
        table('usage-fields', ['Field', 'Executions'], data.fields.map(f =>
          el('tr', {}, el('td', { class: 'mono' }, el('a', { href: '#schema/' + f.coordinate }, f.coordinate)), el('td', {}, f.count))))),
      el('div', {}, el('h2', {}, 'Clients'),
        table('usage-clients', ['Client', 'Executions', 'Errors'], data.clients.map(c =>
          el('tr', {}, el('td', { class: 'mono' }, clientName(c)), el('td', {}, c.count), el('td', {}, c.errors))))),
      el('div', {}, el('h2', {}, 'Unused fields (' + data.unusedTotal + ')'),
        table('usage-unused', ['Field'], data.unused.map(f => el('tr', {}, el('td', { class: 'mono' }, f)))))),
  ];
}

// ---- Check ----------------------------------------------------------------------------------------------------

async function renderCheck() {
  const services = await api('services');
  const result = el('div', { id: 'check-result' });
  const documentText = el('textarea', { id: 'check-document', name: 'document', spellcheck: 'false',
    placeholder: 'Paste a catalog file (a JSON array of resources) or an OpenAPI document (JSON or YAML)' });
  const upload = el('input', { id: 'check-file', type: 'file', accept: '.json,.yaml,.yml',
    onchange: async () => { if (upload.files.length) documentText.value = await upload.files[0].text(); } });
  const form = el('form', { id: 'check-form', class: 'check', onsubmit: e => { e.preventDefault(); submitCheck(form, result); } },
    el('label', { for: 'check-service' }, 'Service'),
    el('div', {}, el('input', { id: 'check-service', name: 'service', type: 'text', list: 'check-services', required: true }),
      el('datalist', { id: 'check-services' }, services.services.map(s => el('option', { value: s.service })))),
    el('label', { for: 'check-kind' }, 'Document'),
    el('div', {}, el('select', { id: 'check-kind', name: 'kind' },
      el('option', { value: 'catalog' }, 'catalog (as tributary check --catalog reads it)'),
      el('option', { value: 'openapi' }, 'OpenAPI document (mapped as the sidecar maps it)')), ' ', upload),
    el('label', { for: 'check-document' }, 'Text'), documentText,
    el('label', { for: 'check-days' }, 'Usage window'),
    el('div', {}, el('input', { id: 'check-days', name: 'usageDays', type: 'number', min: '1', max: '30', value: '7' }), ' days'),
    el('span', {}), el('div', {}, el('button', { id: 'check-submit', type: 'submit' }, 'Check')));
  return [el('p', { class: 'summary' }, 'What deploying a catalog would do to the live graph and to the operations clients sent, '
    + 'as tributary check reports it. Nothing is published.'), form, result];
}

async function submitCheck(form, result) {
  const data = new FormData(form);
  result.replaceChildren(el('p', { class: 'muted' }, 'Checking…'));
  try {
    const response = await fetch('/console/api/check', { method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ service: data.get('service'), kind: data.get('kind'), document: data.get('document'),
        usageDays: Number(data.get('usageDays')) }) });
    const body = await response.json();
    if (!response.ok) throw new Error(body.message || response.statusText);
    result.replaceChildren(...renderVerdict(body).flat(2).filter(Boolean));
  } catch (e) {
    result.replaceChildren(el('p', { id: 'check-error', class: 'error' }, 'Cannot check: ' + e.message));
  }
}

function diagnostics(id, title, list) {
  return [el('h3', {}, title + ': ' + (list.length || 'none')),
    list.length ? table(id, ['Severity', 'Code', 'Where', 'Message'], list.map(d =>
      el('tr', {}, el('td', {}, badge(d.severity)), el('td', { class: 'mono' }, d.code), el('td', { class: 'mono' }, d.where),
        el('td', {}, d.message)))) : null];
}

function renderVerdict(v) {
  return [
    el('h2', {}, 'Verdict'),
    el('p', { id: 'check-verdict', class: 'summary', 'data-verdict': v.verdict }, badge(v.verdict), ' ', v.summary),
    el('p', { class: 'muted' }, 'Checked ' + v.service + ' against view ' + (v.viewVersion === null ? '(none yet)' : v.viewVersion)
      + '; tributary check would exit ' + v.exitCode + '. '
      + (v.usageKnown ? 'Operations clients sent in the last ' + plural(v.usageDays, 'day') + ': ' + v.operationsSeen + '.'
        : 'No usage topic: which operations clients send is unknown.')),
    ...diagnostics('check-errors', 'Composition errors', v.errors),
    ...diagnostics('check-lint', 'Lint', v.lint),
    v.blockedBy.length ? diagnostics('check-blocked', 'Lint errors that keep the graph from being served', v.blockedBy) : [],
    el('h3', {}, 'Changes to the graph: ' + (v.changes.length || 'none')), changeList(v.changes),
    v.brokenOperations.length ? [el('h3', {}, 'Operations this breaks: ' + v.brokenOperations.length),
      table('check-broken', ['Operation', 'Hash', 'Clients', 'Count', 'Reason'], v.brokenOperations.map(o =>
        el('tr', { 'data-operation': operationName(o) }, el('td', { class: 'mono' }, operationName(o)),
          el('td', { class: 'mono muted' }, o.hash.substring(0, 12)), el('td', {}, clientList(o.clients)), el('td', {}, o.count),
          el('td', {}, o.reasons[0] || ''))))] : [],
    v.mapping ? [el('h3', {}, 'OpenAPI mapping'), el('pre', { class: 'mapping' }, v.mapping)] : [],
  ];
}

// ---- Routing and the live feed --------------------------------------------------------------------------------

// One render at a time: changes that arrive meanwhile make one more render after it, not one each.
let rendering = false;
let dirty = false;

async function show() {
  if (rendering) {
    dirty = true;
    return;
  }
  rendering = true;
  try {
    do {
      dirty = false;
      const shown = current;
      let nodes;
      try {
        nodes = await pages[shown.name].render(shown.arg);
      } catch (e) {
        nodes = [el('p', { class: 'empty' }, 'Cannot load this page: ' + e.message)];
      }
      if (shown === current) {
        main.replaceChildren(...nodes);
        main.dataset.renders = String(++renders);
      }
    } while (dirty);
  } finally {
    rendering = false;
  }
}

function route() {
  const [name, ...rest] = location.hash.substring(1).split('/');
  current = { name: pages[name] ? name : 'services', arg: decodeURIComponent(rest.join('/')) };
  for (const link of document.querySelectorAll('#nav a')) {
    link.classList.toggle('active', link.getAttribute('href') === '#' + current.name);
  }
  main.dataset.page = current.name;
  show();
}

function listen() {
  const live = document.getElementById('live');
  const events = new EventSource('/console/events');
  events.onopen = () => { live.textContent = 'live'; live.className = 'badge live'; };
  events.onerror = () => { live.textContent = 'reconnecting'; live.className = 'badge off'; };
  for (const name of ['views', 'instances', 'gateways', 'rejected', 'curation', 'usage']) {
    events.addEventListener(name, () => {
      if (pages[current.name].listens.includes(name)) show();
    });
  }
}

window.addEventListener('hashchange', route);
route();
listen();
