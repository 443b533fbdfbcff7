// Asset groups: each group's posture in the selected scan (score, findings by severity, attack
// paths that reach it), its trend, and its findings per compliance framework.
import { api, items } from '../api.js';
import { h, card, empty, SEVERITIES } from '../dom.js';
import { severityStack } from '../charts.js';
import { link } from '../router.js';

export const FRAMEWORK_NAMES = { pss: 'Pod Security Standards', 'cis-k8s-1.9': 'CIS Kubernetes Benchmark 1.9', 'nsa-cisa': 'NSA-CISA Hardening Guide', mitre: 'MITRE ATT&CK for Containers' };

export async function renderGroups(root, { route, scan }) {
  const id = encodeURIComponent(scan.id);
  const [detail, groupsBody, pathsBody] = await Promise.all([api(`/scans/${id}`), api('/groups').catch(() => ({ items: [] })), api(`/scans/${id}/paths`)]);
  const posture = detail.assetGroups || [];
  const meta = new Map(items(groupsBody).map((g) => [g.name, g]));
  const paths = new Map(items(pathsBody).map((p) => [p.id, p]));
  if (!posture.length) {
    root.append(card('Asset groups', empty('No asset groups are defined. Define them in rampart.yaml (assetGroups: name, criticality, match) to see their posture here.')));
    return;
  }
  const compliance = await Promise.all(posture.map((g) => api(`/scans/${id}/compliance?group=${encodeURIComponent(g.name)}`).catch(() => null)));
  const scanParam = route.params.get('scan') ? { scan: route.params.get('scan') } : {};
  root.append(h('div', { class: 'grid grid-2 groups' }, posture.map((g, i) => groupCard(g, meta.get(g.name) || {}, paths, compliance[i], scanParam))));
}

function groupCard(g, meta, paths, compliance, scanParam) {
  const reaching = (g.attackPaths || []).map((id) => paths.get(id)).filter(Boolean);
  const targets = [...new Set(reaching.map((p) => p.target))].sort();
  const entries = [...new Set(reaching.map((p) => p.entry))].sort();
  const total = SEVERITIES.reduce((n, k) => n + ((g.bySeverity || {})[k] || 0), 0);
  return h(
    'section',
    { class: 'card group', 'data-group': g.name },
    h('div', { class: 'group-head' }, h('h2', {}, g.name), h('span', { class: `badge crit-${['critical', 'high', 'medium', 'low'].includes(g.criticality) ? g.criticality : 'low'}` }, g.criticality || 'unrated'), h('span', { class: 'group-score', title: 'posture score of the group' }, `score ${g.score ?? '—'}`)),
    g.description || meta.description ? h('p', { class: 'muted' }, g.description || meta.description) : null,
    h('p', {}, `${g.objects ?? '—'} objects · `, h('a', { href: link('/findings', { ...scanParam, group: g.name }) }, `${total} findings`)),
    severityStack(g.bySeverity),
    h('div', { class: 'sev-counts' }, SEVERITIES.map((k) => h('span', { class: `sev-count sev-${k}` }, `${k} ${(g.bySeverity || {})[k] || 0}`))),
    h('h3', {}, 'Attack paths reaching it'),
    reaching.length
      ? h(
          'div',
          { class: 'group-paths' },
          h('p', {}, h('a', { href: link('/map', { ...scanParam, group: g.name }), class: 'paths-link' }, `${reaching.length} attack path${reaching.length === 1 ? '' : 's'}`), ` from ${entries.join(', ')}`),
          h('ul', { class: 'compact' }, targets.map((t) => h('li', {}, h('code', {}, t)))),
        )
      : h('p', { class: 'muted' }, 'No attack path reaches this group.'),
    trendLine(meta.trend || []),
    h('h3', {}, 'Compliance'),
    complianceTable(compliance),
  );
}

function trendLine(trend) {
  if (trend.length < 2) return null;
  const data = [...trend].sort((a, b) => String(a.startedAt).localeCompare(String(b.startedAt)));
  return h('p', { class: 'muted' }, `Score over the last ${data.length} scans: ${data.map((t) => t.score).join(' → ')}`);
}

/** Findings per framework; compliance is null when the server cannot tell. */
export function complianceTable(compliance) {
  const frameworks = compliance ? items(compliance.frameworks ? { items: compliance.frameworks } : compliance) : [];
  if (!compliance) return h('p', { class: 'muted' }, 'Compliance is not available from this server.');
  const byName = new Map(frameworks.map((f) => [f.framework, f]));
  const body = h('tbody');
  for (const name of Object.keys(FRAMEWORK_NAMES)) {
    const f = byName.get(name) || { findings: 0, controls: [] };
    const controls = f.controls || [];
    const worst = [...controls].sort((a, b) => b.findings - a.findings || String(a.control).localeCompare(String(b.control))).slice(0, 4);
    body.append(
      h(
        'tr',
        { 'data-framework': name },
        h('td', {}, FRAMEWORK_NAMES[name]),
        h('td', { class: 'num' }, String(f.findings)),
        h('td', { class: 'num' }, String(controls.length)),
        h('td', { class: 'small' }, worst.map((c) => h('code', { title: `${c.findings} findings` }, c.control)).flatMap((el, i) => (i ? [' ', el] : [el]))),
      ),
    );
  }
  return h('table', { class: 'compliance' }, h('thead', {}, h('tr', {}, ['Framework', 'Findings', 'Controls failing', 'Most failed'].map((t) => h('th', {}, t)))), body);
}
