// Risks: every finding of a scan by priority, filtered and paged by the server. The filters are
// the URL's parameters, so a filtered list can be shared and survives a reload.
import { api, items, query } from '../api.js';
import { h, card, empty, severityBadge, resourceName, SEVERITIES } from '../dom.js';
import { link, navigate } from '../router.js';
import { summaryOf } from './overview.js';

export const PAGE = 50;
const TEXT_FILTERS = ['namespace', 'check', 'q'];

export async function renderFindings(root, { route, scan }) {
  const p = route.params;
  const offset = Math.max(0, parseInt(p.get('offset') || '0', 10) || 0);
  const severities = (p.get('severity') || '').split(',').filter((x) => SEVERITIES.includes(x));
  const filters = {
    severity: severities.join(','),
    category: p.get('category') || '',
    namespace: p.get('namespace') || '',
    group: p.get('group') || '',
    check: p.get('check') || '',
    q: p.get('q') || '',
  };
  const id = encodeURIComponent(scan.id);
  const [page, detail, groups] = await Promise.all([
    api(`/scans/${id}/findings${query({ ...filters, sort: 'priority', offset, limit: PAGE })}`),
    api(`/scans/${id}`),
    api('/groups').catch(() => ({ items: [] })),
  ]);

  root.append(
    filterBar(route, filters, Object.keys(summaryOf(detail).byCategory).sort(), items(groups).map((g) => g.name)),
    resultCard(route, page, offset),
  );
}

function filterBar(route, filters, categories, groups) {
  const form = h('form', { class: 'filters card', id: 'filters' });
  const sevBox = h('fieldset', { class: 'sev-filter' }, h('legend', {}, 'Severity'));
  const chosen = filters.severity ? filters.severity.split(',') : [];
  for (const s of SEVERITIES) {
    sevBox.append(h('label', { class: `chip sev-${s}` }, h('input', { type: 'checkbox', name: 'severity', value: s, checked: chosen.includes(s) }), s));
  }
  form.append(
    sevBox,
    select('category', 'Category', categories, filters.category),
    select('group', 'Asset group', groups, filters.group),
    ...TEXT_FILTERS.map((k) => h('label', { class: 'field' }, h('span', {}, { namespace: 'Namespace', check: 'Check', q: 'Text' }[k]), h('input', { type: k === 'q' ? 'search' : 'text', name: k, value: filters[k], placeholder: { namespace: 'payments', check: 'privileged-container', q: 'search title, resource, message' }[k] }))),
    h('div', { class: 'filter-actions' }, h('button', { type: 'submit' }, 'Apply'), h('a', { href: link('/findings', scanOnly(route)), class: 'button secondary' }, 'Clear')),
  );
  const apply = (event) => {
    if (event) event.preventDefault();
    const data = new FormData(form);
    const params = { ...scanOnly(route), severity: data.getAll('severity').join(',') };
    for (const k of ['category', 'group', ...TEXT_FILTERS]) params[k] = String(data.get(k) || '').trim();
    navigate('/findings', params, true);
  };
  form.addEventListener('submit', apply);
  // Checkboxes and selects apply at once; text fields on Enter or Apply.
  form.addEventListener('change', (event) => {
    if (event.target.type === 'checkbox' || event.target.tagName === 'SELECT') apply();
  });
  return form;
}

function select(name, label, options, value) {
  const el = h('select', { name }, h('option', { value: '' }, 'all'));
  for (const o of options) el.append(h('option', { value: o, selected: o === value }, o));
  if (value && !options.includes(value)) el.append(h('option', { value, selected: true }, value));
  return h('label', { class: 'field' }, h('span', {}, label), el);
}

function scanOnly(route) {
  const scan = route.params.get('scan');
  return scan ? { scan } : {};
}

function resultCard(route, page, offset) {
  const list = items(page);
  const total = page.total ?? list.length;
  const scanParam = scanOnly(route);
  if (!list.length) return card('Risks', h('p', { id: 'result-count' }, `${total} findings`), empty('No finding matches these filters.'));
  const body = h('tbody');
  for (const f of list) {
    const href = link(`/findings/${encodeURIComponent(f.id)}`, scanParam);
    const row = h(
      'tr',
      { 'data-finding': f.id, class: 'clickable' },
      h('td', { class: 'num' }, h('span', { class: 'priority' }, String(f.priority))),
      h('td', {}, severityBadge(f.severity)),
      h('td', {}, h('a', { href }, f.title), (f.priorityReasons || []).length > 1 ? h('div', { class: 'muted small' }, f.priorityReasons.slice(1).join(' · ')) : null),
      h('td', { class: 'mono' }, resourceName(f.resource)),
      h('td', {}, h('code', {}, f.checkId)),
      h('td', {}, f.category),
    );
    row.addEventListener('click', (event) => {
      if (event.target.tagName !== 'A') location.hash = href;
    });
    body.append(row);
  }
  const from = offset + 1;
  const to = offset + list.length;
  const pager = h(
    'div',
    { class: 'pager' },
    h('span', { id: 'result-count' }, `${from}–${to} of ${total} findings`),
    offset > 0 ? h('a', { class: 'button secondary', id: 'prev-page', href: pageLink(route, Math.max(0, offset - PAGE)) }, '← Previous') : null,
    to < total ? h('a', { class: 'button secondary', id: 'next-page', href: pageLink(route, offset + PAGE) }, 'Next →') : null,
  );
  return card(
    'Risks by priority',
    pager,
    h('table', { class: 'findings', id: 'findings-table' }, h('thead', {}, h('tr', {}, ['Priority', 'Severity', 'Finding', 'Resource', 'Check', 'Category'].map((t) => h('th', {}, t)))), body),
  );
}

function pageLink(route, offset) {
  const params = new URLSearchParams(route.params);
  if (offset) params.set('offset', String(offset));
  else params.delete('offset');
  return link('/findings', params);
}
