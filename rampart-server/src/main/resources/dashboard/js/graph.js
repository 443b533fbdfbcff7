// The risk map's model and layout, free of DOM so that it is simple to reason about: every attack
// path's steps merged into one set of nodes and edges, laid out in columns from the entry points
// (left) to the crown jewels (right). The layout is deterministic: the same paths, the same picture.

export const NODE_W = 200;
export const NODE_H = 36;
const COL_GAP = 72;
const ROW_GAP = 16;

/** The kind of a node named like "Kind/namespace/name", "internet" or "cluster-admin". */
export function nodeKind(name) {
  const i = name.indexOf('/');
  return i < 0 ? name : name.slice(0, i);
}

/** The short label of a node: its name without the kind. */
export function nodeLabel(name) {
  const i = name.indexOf('/');
  return i < 0 ? name : name.slice(i + 1);
}

/** An edge's id, readable in the URL: "from -[EDGE]-> to". */
export function edgeKey(step) {
  return `${step.from} -[${step.edge}]-> ${step.to}`;
}

/** Merge paths into {nodes: Map name -> node, edges: Map key -> edge}. */
export function mergePaths(paths) {
  const nodes = new Map();
  const edges = new Map();
  const node = (name) => {
    if (!nodes.has(name)) nodes.set(name, { id: name, kind: nodeKind(name), entry: false, target: false, paths: new Set(), layer: 0, order: 0 });
    return nodes.get(name);
  };
  for (const path of paths) {
    node(path.entry).entry = true;
    node(path.target).target = true;
    node(path.entry).paths.add(path.id);
    for (const step of path.steps || []) {
      node(step.from).paths.add(path.id);
      node(step.to).paths.add(path.id);
      const key = edgeKey(step);
      if (!edges.has(key)) edges.set(key, { id: key, from: step.from, to: step.to, type: step.edge, technique: step.technique, evidence: new Set(), paths: new Set() });
      const e = edges.get(key);
      for (const ev of step.evidence || []) e.evidence.add(ev);
      e.paths.add(path.id);
    }
  }
  return { nodes, edges };
}

/** Assign each node a layer (its column) and an order in its layer, then x/y. */
export function layout(graph) {
  const { nodes, edges } = graph;
  const out = new Map();
  const inc = new Map();
  for (const n of nodes.keys()) {
    out.set(n, []);
    inc.set(n, []);
  }
  const sortedEdges = [...edges.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const e of sortedEdges) {
    out.get(e.from).push(e.to);
    inc.get(e.to).push(e.from);
  }
  const names = [...nodes.keys()].sort();
  // Longest distance from an entry point, so that every edge points rightwards; a cycle (two
  // paths crossing the same nodes in opposite directions) stops growing after |nodes| rounds.
  const layerOf = new Map(names.map((n) => [n, 0]));
  for (let round = 0, changed = true; changed && round < names.length; round++) {
    changed = false;
    for (const e of sortedEdges) {
      if (nodes.get(e.to).entry) continue;
      const wanted = layerOf.get(e.from) + 1;
      if (wanted > layerOf.get(e.to)) {
        layerOf.set(e.to, wanted);
        changed = true;
      }
    }
  }
  // Crown jewels that lead nowhere further sit in the last column: the map reads left to right
  // from the entry points to what they put at risk.
  const last = Math.max(0, ...layerOf.values());
  for (const n of names) if (nodes.get(n).target && out.get(n).length === 0) layerOf.set(n, last);
  const layers = [];
  for (const n of names) {
    const layer = layerOf.get(n);
    nodes.get(n).layer = layer;
    (layers[layer] = layers[layer] || []).push(n);
  }
  // Barycentre ordering: each node sits near the mean position of its predecessors, which keeps
  // a path's steps roughly level and edges from crossing. Ties fall back to the name.
  for (let sweep = 0; sweep < 3; sweep++) {
    for (let l = 1; l < layers.length; l++) {
      const pos = new Map();
      (layers[l - 1] || []).forEach((n, i) => pos.set(n, i));
      const key = (n) => {
        const ps = inc.get(n).filter((p) => pos.has(p)).map((p) => pos.get(p));
        return ps.length ? ps.reduce((a, b) => a + b, 0) / ps.length : Number.MAX_SAFE_INTEGER;
      };
      const keys = new Map((layers[l] || []).map((n) => [n, key(n)]));
      (layers[l] || []).sort((a, b) => keys.get(a) - keys.get(b) || (a < b ? -1 : a > b ? 1 : 0));
    }
  }
  const tallest = Math.max(1, ...layers.map((l) => (l || []).length));
  const height = tallest * (NODE_H + ROW_GAP) + ROW_GAP;
  layers.forEach((layer, l) => {
    const offset = (height - (layer || []).length * (NODE_H + ROW_GAP)) / 2;
    (layer || []).forEach((n, i) => {
      const node = nodes.get(n);
      node.order = i;
      node.x = 20 + l * (NODE_W + COL_GAP);
      node.y = offset + ROW_GAP / 2 + i * (NODE_H + ROW_GAP);
    });
  });
  return { width: 40 + layers.length * (NODE_W + COL_GAP) - COL_GAP, height, layers: layers.length };
}
