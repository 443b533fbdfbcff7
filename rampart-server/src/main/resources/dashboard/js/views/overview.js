// Overview: score, findings by severity and category, trend, top risks, coverage gaps.
// It reads the scan summary and one page of findings only, never the whole list: a 50 000-pod
// scan has hundreds of thousands of findings.
import { api, items, query } from '../api.js';
import { h, card, empty, severityBadge, resourceName, formatTime, formatDuration, SEVERITIES } from '../dom.js';
import { bars, scoreRing, trendChart } from '../charts.js';
import { link } from '../router.js';

const TOP = 8;

/** The summary numbers, whether the server nests them under "summary" (as the report does) or not. */
export function summaryOf(detail) {
  const summary = detail.summary || {};
  return {
    score: detail.score ?? summary.score,
    bySeverity: detail.bySeverity || summary.bySeverity || {},
    byCategory: detail.byCategory || summary.byCategory || {},
  };
}

/** Each check's state from the coverage section. Not evaluated is its own state, never passing. */
export function checkStates(coverage) {
  const states = { failing: 0, passing: 0, notApplicable: 0, notEvaluated: 0 };
  for (const c of (coverage && coverage.checks) || []) {
    if (c.notEvaluated && c.notEvaluated.length) states.notEvaluated++;
    else if (c.failed > 0) states.failing++;
    else if (c.passed > 0) states.passing++;
    else states.notApplicable++;
  }
  return states;
}

export async function renderOverview(root, { route, scan }) {
  const scanParam = route.params.get('scan') ? { scan: route.params.get('scan') } : {};
  const [detail, trend, top] = await Promise.all([
    api(`/scans/${encodeURIComponent(scan.id)}`),
    api('/trend').catch(() => []),
    api(`/scans/${encodeURIComponent(scan.id)}/findings${query({ sort: 'priority', offset: 0, limit: TOP })}`),
  ]);
  const summary = summaryOf(detail);
  const total = SEVERITIES.reduce((n, k) => n + (summary.bySeverity[k] || 0), 0);
  const coverage = detail.coverage || {};

  const headline = h(
    'section',
    { class: 'card headline' },
    h('div', { class: 'score' }, scoreRing(summary.score), h('div', { class: 'score-caption' }, 'posture score')),
    h(
      'dl',
      { class: 'facts' },
      fact('Cluster', detail.cluster || scan.cluster || '—'),
      fact('Source', detail.source || scan.source || '—'),
      fact('Scanned', formatTime(detail.startedAt || scan.startedAt)),
      fact('Duration', formatDuration(detail.durationMs ?? scan.durationMs)),
      fact('Objects', String(coverage.objects ?? '—')),
      fact('Findings', h('a', { href: link('/findings', scanParam), id: 'findings-total' }, String(total))),
      fact('Attack paths', h('a', { href: link('/map', scanParam), id: 'paths-total' }, String(detail.attackPaths ?? scan.attackPaths ?? '—'))),
      fact('Exceptions', `${(detail.exceptionsApplied || []).length} applied, ${(detail.exceptionsExpired || []).length} expired`),
    ),
  );

  const severity = card(
    'Findings by severity',
    bars(
      SEVERITIES.map((k) => ({ key: k, label: k, value: summary.bySeverity[k] || 0, cls: `sev-bg-${k}`, href: link('/findings', { ...scanParam, severity: k }) })),
      { name: 'severity' },
    ),
  );
  const categories = Object.entries(summary.byCategory).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const category = card(
    'Findings by category',
    categories.length
      ? bars(categories.map(([k, v]) => ({ key: k, label: k, value: v, cls: 'cat', href: link('/findings', { ...scanParam, category: k }) })), { name: 'category' })
      : empty('No findings.'),
  );

  root.append(
    h('div', { class: 'grid grid-3' }, headline, severity, category),
    h('div', { class: 'grid grid-2' }, card('Trend over stored scans', trendChart(items(trend))), coverageCard(coverage)),
    topRisks(items(top), top.total, scanParam),
  );
}

function fact(name, value) {
  return [h('dt', {}, name), h('dd', {}, value)];
}

function topRisks(findings, total, scanParam) {
  const list = h('ol', { class: 'risks', id: 'top-risks' });
  for (const f of findings) {
    list.append(
      h(
        'li',
        { 'data-finding': f.id },
        h('div', { class: 'risk-head' }, h('span', { class: 'priority', title: 'priority (0-100)' }, String(f.priority)), severityBadge(f.severity), h('a', { href: link(`/findings/${encodeURIComponent(f.id)}`, scanParam), class: 'risk-title' }, f.title)),
        h('div', { class: 'risk-resource' }, resourceName(f.resource)),
        h('ul', { class: 'reasons' }, (f.priorityReasons || []).map((r) => h('li', {}, r))),
      ),
    );
  }
  return card(
    'Top risks',
    findings.length ? list : empty('No findings: nothing to fix.'),
    total > findings.length ? h('p', {}, h('a', { href: link('/findings', scanParam) }, `All ${total} findings by priority →`)) : null,
  );
}

function coverageCard(coverage) {
  const states = checkStates(coverage);
  const gaps = (coverage.checks || []).filter((c) => c.notEvaluated && c.notEvaluated.length);
  // Checks the report names as not evaluated without a per-check entry are shown too.
  for (const n of coverage.notEvaluated || []) {
    if (!gaps.some((g) => g.checkId === n.checkId)) gaps.push({ checkId: n.checkId, notEvaluated: [n.reason] });
  }
  const errors = coverage.errors || [];
  return card(
    'Coverage',
    h(
      'div',
      { class: 'coverage-states' },
      state('failing', states.failing, 'checks with findings'),
      state('passing', states.passing, 'checks passing'),
      state('na', states.notApplicable, 'not applicable'),
      state('ne', Math.max(states.notEvaluated, gaps.length), 'not evaluated'),
    ),
    gaps.length
      ? h(
          'ul',
          { class: 'gaps', id: 'coverage-gaps' },
          gaps.map((g) => h('li', { 'data-check': g.checkId }, h('span', { class: 'badge not-evaluated' }, 'not evaluated'), ' ', h('code', {}, g.checkId), h('div', { class: 'muted' }, g.notEvaluated.join('; ')))),
        )
      : h('p', { class: 'muted' }, 'Every check was evaluated.'),
    errors.length ? h('ul', { class: 'gaps errors' }, errors.map((e) => h('li', {}, h('span', { class: 'badge sev-high' }, 'error'), ' ', typeof e === 'string' ? e : JSON.stringify(e)))) : null,
  );
}

function state(cls, n, label) {
  return h('div', { class: `state state-${cls}` }, h('strong', {}, String(n)), h('span', {}, label));
}
