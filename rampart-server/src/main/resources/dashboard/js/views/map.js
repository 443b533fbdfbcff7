// The risk impact map: every attack path merged into one graph, entry points on the left, crown
// jewels on the right. Clicking a node or an edge shows its evidence, MITRE technique and the paths
// through it; the selection is kept in the URL so that a reload or a shared link shows it again.
import { api, items } from '../api.js';
import { h, s, card, clear, empty } from '../dom.js';
import { link, navigate } from '../router.js';
import { mergePaths, layout, nodeLabel, edgeKey, NODE_W, NODE_H } from '../graph.js';

const KIND_CLASS = {
  internet: 'entry',
  Group: 'identity',
  User: 'identity',
  ServiceAccount: 'identity',
  Secret: 'secret',
  Node: 'node',
  'cluster-admin': 'jewel',
  ConfigMap: 'secret',
  PersistentVolumeClaim: 'secret',
};

export async function renderMap(root, { route, scan }) {
  const id = encodeURIComponent(scan.id);
  const p = route.params;
  const [pathsBody, detail] = await Promise.all([api(`/scans/${id}/paths`), api(`/scans/${id}`)]);
  const all = items(pathsBody);
  const groups = detail.assetGroups || [];
  const target = p.get('target') || '';
  const group = p.get('group') || '';
  const groupPaths = group ? new Set((groups.find((g) => g.name === group) || {}).attackPaths || []) : null;
  const paths = all.filter((x) => (!target || x.target === target) && (!groupPaths || groupPaths.has(x.id)));

  root.append(filterBar(route, all, groups, target, group, paths.length));
  if (!paths.length) {
    root.append(card('Risk impact map', empty(all.length ? 'No attack path matches these filters.' : 'No attack path found: no entry point reaches a crown jewel.')));
    return;
  }
  const graph = mergePaths(paths);
  const size = layout(graph);
  const byId = new Map(paths.map((x) => [x.id, x]));
  const panel = h('aside', { class: 'card detail-panel', id: 'map-detail' });
  const svg = drawGraph(graph, size);
  const canvas = h('div', { class: 'map-canvas' }, svg);
  const state = { graph, byId, svg, panel, route };

  svg.addEventListener('click', (event) => {
    const el = event.target.closest('[data-node], [data-edge]');
    if (!el) return select(state, null);
    if (el.hasAttribute('data-node')) select(state, { node: el.getAttribute('data-node') });
    else select(state, { edge: el.getAttribute('data-edge') });
  });
  svg.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      event.target.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    }
  });

  root.append(
    h(
      'div',
      { class: 'map-layout' },
      h('section', { class: 'card map-card' }, h('div', { class: 'map-toolbar' }, h('h2', {}, 'Risk impact map'), zoomControls(svg, size), legend()), canvas),
      panel,
    ),
  );
  const initial = p.get('node') ? { node: p.get('node') } : p.get('edge') ? { edge: p.get('edge') } : p.get('path') ? { path: p.get('path') } : null;
  select(state, initial, true);
}

function filterBar(route, all, groups, target, group, shown) {
  const targets = [...new Set(all.map((x) => x.target))].sort();
  const scan = route.params.get('scan');
  const go = (changes) => navigate('/map', { ...(scan ? { scan } : {}), target, group, ...changes });
  const targetSelect = h('select', { name: 'target', id: 'map-target' }, h('option', { value: '' }, 'all crown jewels'), targets.map((t) => h('option', { value: t, selected: t === target }, t)));
  const groupSelect = h('select', { name: 'group', id: 'map-group' }, h('option', { value: '' }, 'all asset groups'), groups.map((g) => h('option', { value: g.name, selected: g.name === group }, `${g.name} (${g.criticality})`)));
  targetSelect.addEventListener('change', () => go({ target: targetSelect.value }));
  groupSelect.addEventListener('change', () => go({ group: groupSelect.value }));
  return h(
    'div',
    { class: 'card filters map-filters' },
    h('label', { class: 'field' }, h('span', {}, 'Target'), targetSelect),
    h('label', { class: 'field' }, h('span', {}, 'Asset group'), groupSelect),
    h('p', { class: 'muted', id: 'map-count' }, `${shown} of ${all.length} attack paths`),
  );
}

function drawGraph(graph, size) {
  const svg = s('svg', { class: 'graph', id: 'risk-map', viewBox: `0 0 ${size.width} ${size.height}`, width: size.width, height: size.height, role: 'img', 'aria-label': 'attack paths' });
  svg.append(
    s(
      'defs',
      {},
      ['default', 'hot'].map((k) => s('marker', { id: `arrow-${k}`, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' }, s('path', { d: 'M0,0 L10,5 L0,10 z', class: `arrow arrow-${k}` }))),
    ),
  );
  const edgeLayer = s('g', { class: 'edges' });
  const nodeLayer = s('g', { class: 'nodes' });
  for (const e of [...graph.edges.values()].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    const a = graph.nodes.get(e.from);
    const b = graph.nodes.get(e.to);
    const x1 = a.x + NODE_W;
    const y1 = a.y + NODE_H / 2;
    const x2 = b.x;
    const y2 = b.y + NODE_H / 2;
    const bend = Math.max(40, Math.abs(x2 - x1) / 2);
    const d = `M${x1},${y1} C${x1 + bend},${y1} ${x2 - bend},${y2} ${x2},${y2}`;
    const title = `${e.type}${e.technique ? ` (${e.technique})` : ''}: ${e.from} → ${e.to}`;
    edgeLayer.append(
      s(
        'g',
        { class: `edge edge-${e.type.toLowerCase()}`, 'data-edge': e.id, tabindex: 0, role: 'button', 'aria-label': title },
        s('title', {}, title),
        s('path', { class: 'edge-hit', d }),
        s('path', { class: 'edge-line', d, 'marker-end': 'url(#arrow-default)' }),
      ),
    );
  }
  for (const n of [...graph.nodes.values()].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    const role = n.entry ? 'entry' : n.target ? 'jewel' : KIND_CLASS[n.kind] || 'workload';
    const label = nodeLabel(n.id);
    nodeLayer.append(
      s(
        'g',
        { class: `node node-${role}`, 'data-node': n.id, transform: `translate(${n.x},${n.y})`, tabindex: 0, role: 'button', 'aria-label': n.id },
        s('title', {}, n.id),
        s('rect', { width: NODE_W, height: NODE_H, rx: 8, ry: 8 }),
        s('rect', { class: 'node-stripe', width: 6, height: NODE_H, rx: 3, ry: 3 }),
        s('text', { x: 14, y: 15, class: 'node-kind' }, n.kind === n.id ? (n.entry ? 'entry point' : 'crown jewel') : n.kind),
        s('text', { x: 14, y: 29, class: 'node-name' }, label.length > 24 ? `${label.slice(0, 23)}…` : label),
      ),
    );
  }
  svg.append(edgeLayer, nodeLayer);
  return svg;
}

function zoomControls(svg, size) {
  // "fit" scales the whole map into the panel (the viewBox keeps its proportions); the other
  // levels are fixed sizes that the panel scrolls.
  let scale = 0;
  const apply = () => {
    svg.setAttribute('width', scale ? String(Math.round(size.width * scale)) : '100%');
    if (scale) svg.setAttribute('height', String(Math.round(size.height * scale)));
    else svg.removeAttribute('height');
  };
  const button = (text, label, f) => {
    const b = h('button', { type: 'button', class: 'secondary small', 'aria-label': label }, text);
    b.addEventListener('click', () => {
      scale = f(scale || 1);
      apply();
    });
    return b;
  };
  apply();
  return h('div', { class: 'zoom' }, button('−', 'zoom out', (x) => Math.max(0.3, x / 1.25)), button('fit', 'fit to the panel', () => 0), button('100%', 'actual size', () => 1), button('+', 'zoom in', (x) => Math.min(3, x * 1.25)));
}

function legend() {
  const kinds = [
    ['entry', 'entry point'],
    ['workload', 'workload'],
    ['identity', 'identity'],
    ['secret', 'secret / data'],
    ['node', 'node'],
    ['jewel', 'crown jewel'],
  ];
  return h('div', { class: 'legend' }, kinds.map(([k, t]) => h('span', { class: `key node-key-${k}` }, t)));
}

/** Highlight a node, an edge or a path, show its details, and record it in the URL. */
function select(state, selection, initial = false) {
  const { graph, byId, svg, panel } = state;
  const onPaths = new Set();
  let valid = true;
  if (selection && selection.node) {
    const n = graph.nodes.get(selection.node);
    if (n) n.paths.forEach((x) => onPaths.add(x));
    else valid = false;
  } else if (selection && selection.edge) {
    const e = graph.edges.get(selection.edge);
    if (e) e.paths.forEach((x) => onPaths.add(x));
    else valid = false;
  } else if (selection && selection.path) {
    if (byId.has(selection.path)) onPaths.add(selection.path);
    else valid = false;
  }
  if (!valid) selection = null;
  // The parts of the selected paths stay lit, everything else fades.
  const litNodes = new Set();
  const litEdges = new Set();
  for (const id of onPaths) {
    const path = byId.get(id);
    litNodes.add(path.entry);
    for (const step of path.steps || []) {
      litNodes.add(step.from);
      litNodes.add(step.to);
      litEdges.add(edgeKey(step));
    }
  }
  svg.classList.toggle('focused', Boolean(selection));
  for (const el of svg.querySelectorAll('[data-node]')) {
    const id = el.getAttribute('data-node');
    el.classList.toggle('lit', litNodes.has(id));
    el.classList.toggle('selected', Boolean(selection && selection.node === id));
  }
  for (const el of svg.querySelectorAll('[data-edge]')) {
    const id = el.getAttribute('data-edge');
    const lit = litEdges.has(id);
    el.classList.toggle('lit', lit);
    el.classList.toggle('selected', Boolean(selection && selection.edge === id));
    el.querySelector('.edge-line').setAttribute('marker-end', `url(#arrow-${lit ? 'hot' : 'default'})`);
  }
  clear(panel);
  if (!selection) {
    panel.append(h('h2', {}, 'Details'), h('p', { class: 'muted' }, 'Click a node or an edge to see its evidence, its MITRE ATT&CK technique and the attack paths through it.'), pathList(state, [...byId.keys()], 'All paths shown'));
  } else if (selection.node) {
    nodeDetail(state, graph.nodes.get(selection.node));
  } else if (selection.edge) {
    edgeDetail(state, graph.edges.get(selection.edge));
  } else {
    pathDetail(state, byId.get(selection.path));
  }
  if (!initial) {
    // Record the selection without re-rendering the view: a reload shows it again.
    const params = new URLSearchParams(state.route.params);
    for (const k of ['node', 'edge', 'path']) params.delete(k);
    if (selection) for (const [k, v] of Object.entries(selection)) params.set(k, v);
    history.replaceState(null, '', link('/map', params));
    document.body.setAttribute('data-rendered', location.hash);
  }
}

function nodeDetail(state, n) {
  const incoming = [...state.graph.edges.values()].filter((e) => e.to === n.id);
  const outgoing = [...state.graph.edges.values()].filter((e) => e.from === n.id);
  state.panel.append(
    h('h2', {}, 'Node'),
    h('p', { class: 'detail-title', id: 'detail-title' }, n.id),
    h('div', { class: 'tags' }, h('span', { class: 'tag' }, n.kind), n.entry ? h('span', { class: 'tag tag-entry' }, 'entry point') : null, n.target ? h('span', { class: 'tag tag-jewel' }, 'crown jewel') : null),
    edgeList(state, 'Incoming', incoming, (e) => e.from),
    edgeList(state, 'Outgoing', outgoing, (e) => e.to),
    pathList(state, [...n.paths], 'Attack paths through it'),
  );
}

function edgeDetail(state, e) {
  state.panel.append(
    h('h2', {}, 'Edge'),
    h('p', { class: 'detail-title', id: 'detail-title' }, `${e.type}`),
    h('p', {}, h('code', {}, e.from), ' → ', h('code', {}, e.to)),
    e.technique ? h('p', {}, 'MITRE ATT&CK: ', h('code', { id: 'detail-technique' }, e.technique)) : null,
    h('h3', {}, 'Evidence'),
    h('ul', { class: 'evidence', id: 'detail-evidence' }, [...e.evidence].map((x) => h('li', {}, x))),
    pathList(state, [...e.paths], 'Attack paths through it'),
  );
}

function pathDetail(state, path) {
  state.panel.append(
    h('h2', {}, 'Attack path'),
    h('p', { class: 'detail-title', id: 'detail-title' }, `${path.entry} → ${path.target}`),
    h('p', { class: 'muted' }, `${path.targetReason || ''} · score ${path.score} · likelihood ${path.likelihood} · impact ${path.impact}`),
    h(
      'ol',
      { class: 'steps', id: 'detail-evidence' },
      (path.steps || []).map((st) => h('li', {}, h('strong', {}, st.edge), st.technique ? ` (${st.technique})` : '', ' ', h('code', {}, st.from), ' → ', h('code', {}, st.to), h('ul', { class: 'evidence' }, (st.evidence || []).map((x) => h('li', {}, x))))),
    ),
  );
}

function edgeList(state, title, edges, other) {
  if (!edges.length) return null;
  return h(
    'div',
    {},
    h('h3', {}, title),
    h(
      'ul',
      { class: 'edge-list' },
      edges.map((e) => {
        const a = h('button', { type: 'button', class: 'linklike' }, `${e.type} · ${other(e)}`);
        a.addEventListener('click', () => select(state, { edge: e.id }));
        return h('li', {}, a, e.technique ? h('span', { class: 'muted' }, ` ${e.technique}`) : null, h('ul', { class: 'evidence' }, [...e.evidence].map((x) => h('li', {}, x))));
      }),
    ),
  );
}

function pathList(state, ids, title) {
  const paths = ids.map((id) => state.byId.get(id)).filter(Boolean).sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
  return h(
    'div',
    {},
    h('h3', {}, `${title} (${paths.length})`),
    h(
      'ul',
      { class: 'path-list', id: 'detail-paths' },
      paths.map((x) => {
        const b = h('button', { type: 'button', class: 'linklike' }, `${x.entry} → ${x.target}`);
        b.addEventListener('click', () => select(state, { path: x.id }));
        return h('li', { 'data-path': x.id }, h('span', { class: 'priority' }, String(x.score)), ' ', b, h('span', { class: 'muted' }, ` ${x.length} step${x.length === 1 ? '' : 's'}`));
      }),
    ),
  );
}
