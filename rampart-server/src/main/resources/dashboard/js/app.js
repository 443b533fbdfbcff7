// The dashboard shell: header, navigation, scan picker; each view renders into <main>.
import { api, items } from './api.js';
import { h, clear, formatTime } from './dom.js';
import { currentRoute, link, navigate } from './router.js';
import { renderOverview } from './views/overview.js';
import { renderFindings } from './views/findings.js';
import { renderFinding } from './views/finding.js';
import { renderMap } from './views/map.js';
import { renderGroups } from './views/groups.js';

const VIEWS = [
  { path: '/', title: 'Overview', render: renderOverview },
  { path: '/findings', title: 'Risks', render: renderFindings },
  { path: '/map', title: 'Risk map', render: renderMap },
  { path: '/groups', title: 'Asset groups', render: renderGroups },
];

const main = document.getElementById('main');
const nav = document.getElementById('nav');
const scanPicker = document.getElementById('scan-picker');
let renderCount = 0;

function viewFor(path) {
  if (path.startsWith('/findings/')) return { title: 'Finding', render: renderFinding, nav: '/findings' };
  const view = VIEWS.find((v) => v.path === path);
  return view ? { ...view, nav: view.path } : null;
}

function drawNav(active, params) {
  clear(nav);
  const scan = params.get('scan');
  for (const v of VIEWS) {
    nav.append(h('a', { href: link(v.path, scan ? { scan } : {}), class: v.path === active ? 'active' : '', 'data-view': v.path }, v.title));
  }
}

function drawScanPicker(scans, selectedId, route) {
  clear(scanPicker);
  if (scans.length === 0) return;
  const select = h('select', { id: 'scan-select', 'aria-label': 'scan' });
  scans.forEach((scan, i) => {
    const label = `#${scan.id} · ${scan.cluster || scan.source || ''} · ${formatTime(scan.startedAt)}${i === 0 ? ' (latest)' : ''}`;
    select.append(h('option', { value: String(scan.id), selected: String(scan.id) === String(selectedId) }, label));
  });
  select.addEventListener('change', () => {
    const params = new URLSearchParams(route.params);
    if (select.value === String(scans[0].id)) params.delete('scan');
    else params.set('scan', select.value);
    params.delete('offset');
    navigate(route.path.startsWith('/findings/') ? '/findings' : route.path, params);
  });
  scanPicker.append(select);
}

async function render() {
  const mine = ++renderCount;
  const hash = location.hash;
  const route = currentRoute();
  const view = viewFor(route.path);
  drawNav(view ? view.nav : '', route.params);
  clear(main).append(h('p', { class: 'loading' }, 'Loading…'));
  document.body.setAttribute('data-state', 'loading');
  try {
    const scans = items(await api('/scans'));
    if (mine !== renderCount) return;
    const wanted = route.params.get('scan');
    const scan = wanted ? scans.find((s) => String(s.id) === wanted) || { id: wanted } : scans[0];
    drawScanPicker(scans, scan && scan.id, route);
    if (!view) throw new Error(`no such view: ${route.path}`);
    const content = h('div', { class: 'view', 'data-view': view.nav });
    if (!scan) {
      content.append(h('section', { class: 'card' }, h('h2', {}, 'No scans yet'), h('p', {}, 'Run a scan: ', h('code', {}, 'rampart serve --demo'), ' scans the demo cluster at start.')));
    } else {
      await view.render(content, { route, scan, scans, isCurrent: () => mine === renderCount });
    }
    if (mine !== renderCount) return;
    clear(main).append(content);
    document.title = `Rampart · ${view.title}`;
  } catch (error) {
    if (mine !== renderCount) return;
    clear(main).append(h('section', { class: 'card error', id: 'error' }, h('h2', {}, 'Could not load this view'), h('p', {}, String(error.message || error))));
  }
  // Which URL the page shows: tests (and anything else watching) wait for it to match the address.
  document.body.setAttribute('data-rendered', hash);
  document.body.setAttribute('data-state', 'ready');
}

window.addEventListener('hashchange', render);
render();
