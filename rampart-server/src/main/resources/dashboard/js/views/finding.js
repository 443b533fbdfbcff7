// One finding: what is wrong and where, why it matters, why it ranks where it does, how to fix it.
import { api } from '../api.js';
import { h, card, severityBadge, resourceName, codeBlock } from '../dom.js';
import { link } from '../router.js';

export async function renderFinding(root, { route, scan }) {
  const findingId = route.path.slice('/findings/'.length);
  const body = await api(`/scans/${encodeURIComponent(scan.id)}/findings/${encodeURIComponent(findingId)}`);
  const f = body.finding || body;
  const check = body.check || {};
  const scanParam = route.params.get('scan') ? { scan: route.params.get('scan') } : {};
  const r = f.resource || {};

  const head = h(
    'section',
    { class: 'card finding-head', id: 'finding' },
    h('p', {}, h('a', { href: link('/findings', scanParam) }, '← All risks')),
    h('h1', {}, f.title),
    h('div', { class: 'tags' }, severityBadge(f.severity), h('span', { class: 'priority big', title: 'priority (0-100)' }, `priority ${f.priority}`), h('code', {}, f.checkId), h('span', { class: 'tag' }, f.category)),
    h('p', { class: 'message', id: 'finding-message' }, f.message),
  );

  const where = card(
    'Resource',
    h(
      'dl',
      { class: 'facts' },
      row('Kind', r.kind),
      row('Namespace', r.namespace),
      row('Name', r.name),
      row('Container', r.container),
      row('API version', r.apiVersion),
      f.location ? row('Location', `${f.location.file}${f.location.line ? `:${f.location.line}` : ''}${f.location.document ? ` (document ${f.location.document})` : ''}`, 'location') : null,
    ),
    h('p', {}, h('a', { href: link('/findings', { ...scanParam, q: r.name || '' }) }, `Other findings on ${resourceName({ ...r, container: undefined })}`)),
  );

  const evidence = card(
    'Evidence',
    f.evidence
      ? h('dl', { class: 'facts', id: 'evidence' }, row('Path', h('code', {}, f.evidence.path || '')), row('Value', h('code', {}, f.evidence.value ?? '')))
      : h('p', { class: 'muted' }, 'No evidence recorded.'),
  );

  const reasons = card('Why this priority', h('ul', { class: 'reasons', id: 'priority-reasons' }, (f.priorityReasons || []).map((x) => h('li', {}, x))));

  const why = card('Why it matters', h('p', { id: 'why' }, check.why || 'See the check’s documentation.'));

  const rem = f.remediation || {};
  const patch = rem.patch;
  const remediation = card(
    'Remediation',
    h('p', { id: 'remediation-text' }, rem.text || check.remediation || ''),
    patch && patch.command ? codeBlock(patch.command, 'kubectl') : null,
    patch && patch.content ? codeBlock(pretty(patch.content), `patch (${patch.type || 'merge'})`) : null,
  );
  remediation.id = 'remediation';

  const frameworks = card(
    'Framework references',
    h('ul', { class: 'frameworks', id: 'frameworks' }, (f.frameworks || check.frameworks || []).map((x) => h('li', {}, frameworkLabel(x)))),
  );

  root.append(head, h('div', { class: 'grid grid-2' }, h('div', {}, where, evidence, reasons), h('div', {}, why, remediation, frameworks)));
}

function row(name, value, id) {
  if (value === undefined || value === null || value === '') return null;
  return [h('dt', {}, name), h('dd', id ? { id } : {}, value)];
}

/** Patches arrive as compact JSON; indented they are readable, and still valid to apply. */
function pretty(content) {
  try {
    return JSON.stringify(JSON.parse(content), null, 2);
  } catch (e) {
    return content;
  }
}

const FRAMEWORKS = { pss: 'Pod Security Standards', 'cis-k8s-1.9': 'CIS Kubernetes 1.9', 'nsa-cisa': 'NSA-CISA', mitre: 'MITRE ATT&CK' };

export function frameworkLabel(ref) {
  const i = ref.indexOf(':');
  if (i < 0) return ref;
  const prefix = ref.slice(0, i);
  const control = ref.slice(i + 1);
  // MITRE technique ids are written T1611 in ATT&CK; the catalog stores them lower-case.
  return h('span', {}, h('span', { class: 'fw' }, FRAMEWORKS[prefix] || prefix), ' ', h('code', {}, prefix === 'mitre' ? control.toUpperCase() : control));
}
