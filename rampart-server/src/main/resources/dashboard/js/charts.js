// Charts drawn with plain SVG and CSS: the page loads nothing from outside the jar.
import { h, s, formatTime } from './dom.js';

/**
 * Horizontal bars, one row per entry: [{label, value, cls, href}]. Widths are set through the
 * CSSOM (element.style), which the server's Content-Security-Policy allows, unlike style attributes.
 */
export function bars(entries, options = {}) {
  const max = Math.max(1, ...entries.map((e) => e.value));
  return h(
    'div',
    { class: 'bars', 'data-chart': options.name },
    entries.map((e) => {
      const fill = h('div', { class: `bar-fill ${e.cls || ''}` });
      fill.style.width = `${(100 * e.value) / max}%`;
      const label = e.href ? h('a', { href: e.href }, e.label) : h('span', {}, e.label);
      return h(
        'div',
        { class: 'bar-row', 'data-key': e.key || e.label },
        h('div', { class: 'bar-label' }, label),
        h('div', { class: 'bar-track' }, fill),
        h('div', { class: 'bar-value' }, String(e.value)),
      );
    }),
  );
}

/** The posture score (0-100, higher is better) as a ring. */
export function scoreRing(score) {
  const r = 52;
  const circumference = 2 * Math.PI * r;
  const value = Math.max(0, Math.min(100, Number(score) || 0));
  const cls = value >= 80 ? 'good' : value >= 50 ? 'fair' : 'poor';
  return s(
    'svg',
    { class: `score-ring ${cls}`, viewBox: '0 0 128 128', width: 128, height: 128, role: 'img', 'aria-label': `score ${value} of 100` },
    s('circle', { class: 'ring-track', cx: 64, cy: 64, r, fill: 'none', 'stroke-width': 12 }),
    s('circle', {
      class: 'ring-value',
      cx: 64,
      cy: 64,
      r,
      fill: 'none',
      'stroke-width': 12,
      'stroke-linecap': 'round',
      'stroke-dasharray': `${(circumference * value) / 100} ${circumference}`,
      transform: 'rotate(-90 64 64)',
    }),
    s('text', { x: 64, y: 72, 'text-anchor': 'middle', class: 'ring-text', id: 'score-value' }, String(value)),
  );
}

/**
 * The trend over stored scans: score (left axis, 0-100) and critical+high findings (right axis).
 * points: [{scanId, startedAt, score, bySeverity}] in any order; drawn oldest to newest.
 */
export function trendChart(points) {
  const data = [...points].sort((a, b) => String(a.startedAt).localeCompare(String(b.startedAt)));
  if (data.length === 0) return h('p', { class: 'muted' }, 'No scans stored yet.');
  const width = 640;
  const height = 200;
  const pad = { left: 36, right: 40, top: 12, bottom: 28 };
  const innerW = width - pad.left - pad.right;
  const innerH = height - pad.top - pad.bottom;
  const x = (i) => pad.left + (data.length === 1 ? innerW / 2 : (innerW * i) / (data.length - 1));
  const serious = data.map((p) => ((p.bySeverity || {}).critical || 0) + ((p.bySeverity || {}).high || 0));
  const maxSerious = Math.max(1, ...serious);
  const yScore = (v) => pad.top + innerH - (innerH * v) / 100;
  const ySerious = (v) => pad.top + innerH - (innerH * v) / maxSerious;
  const line = (ys) => ys.map((y, i) => `${i ? 'L' : 'M'}${x(i).toFixed(1)},${y.toFixed(1)}`).join(' ');

  const svg = s('svg', { class: 'trend', viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': 'posture trend' });
  for (const v of [0, 50, 100]) {
    svg.append(
      s('line', { class: 'grid', x1: pad.left, x2: width - pad.right, y1: yScore(v), y2: yScore(v) }),
      s('text', { class: 'axis', x: pad.left - 6, y: yScore(v) + 4, 'text-anchor': 'end' }, String(v)),
    );
  }
  svg.append(
    s('text', { class: 'axis', x: width - pad.right + 6, y: ySerious(maxSerious) + 4 }, String(maxSerious)),
    s('path', { class: 'line-serious', d: line(serious.map(ySerious)), fill: 'none' }),
    s('path', { class: 'line-score', d: line(data.map((p) => yScore(p.score || 0))), fill: 'none' }),
  );
  data.forEach((p, i) => {
    const label = `scan ${p.scanId} · ${formatTime(p.startedAt)} · score ${p.score} · critical+high ${serious[i]}`;
    svg.append(
      s('circle', { class: 'dot-score', cx: x(i), cy: yScore(p.score || 0), r: 4, 'data-scan': p.scanId }, s('title', {}, label)),
      s('circle', { class: 'dot-serious', cx: x(i), cy: ySerious(serious[i]), r: 3 }, s('title', {}, label)),
    );
  });
  const first = formatTime(data[0].startedAt).slice(0, 16);
  const last = formatTime(data[data.length - 1].startedAt).slice(0, 16);
  svg.append(s('text', { class: 'axis', x: pad.left, y: height - 8 }, first));
  if (data.length > 1) svg.append(s('text', { class: 'axis', x: width - pad.right, y: height - 8, 'text-anchor': 'end' }, last));
  return h(
    'div',
    { class: 'trend-wrap' },
    svg,
    h('div', { class: 'legend' }, h('span', { class: 'key key-score' }, 'score'), h('span', { class: 'key key-serious' }, 'critical + high findings')),
  );
}

/** A stacked bar of the five severities, for a group's posture. */
export function severityStack(bySeverity) {
  const order = ['critical', 'high', 'medium', 'low', 'info'];
  const total = order.reduce((n, k) => n + ((bySeverity || {})[k] || 0), 0);
  const bar = h('div', { class: 'stack' });
  for (const k of order) {
    const n = (bySeverity || {})[k] || 0;
    if (!n) continue;
    const part = h('div', { class: `stack-part sev-bg-${k}`, title: `${k}: ${n}` });
    part.style.flexGrow = String(n);
    bar.append(part);
  }
  if (!total) bar.append(h('div', { class: 'stack-empty' }, 'no findings'));
  return bar;
}
