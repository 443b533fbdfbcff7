// DOM construction helpers. Every string shown on the page may come from a scanned cluster
// (names, labels, annotations, messages, evidence) and is untrusted: text is only ever set
// through textContent or attribute setters, never parsed as HTML. Nothing here uses innerHTML.

const SVG_NS = 'http://www.w3.org/2000/svg';

function apply(el, attrs) {
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'text') el.textContent = String(value);
    else if (key === 'class') el.setAttribute('class', value);
    else if (key.startsWith('on') && typeof value === 'function') {
      el.addEventListener(key.slice(2), value);
    } else if (key === 'href' && !String(value).startsWith('#')) {
      // Only the page's own routes are linked: a cluster string can never become a URL.
      throw new Error('refusing a non-local link');
    } else el.setAttribute(key, value === true ? '' : String(value));
  }
  return el;
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

/** An HTML element: h('a', {href: '#/x', class: 'c'}, 'text', childNode). */
export function h(tag, attrs, ...children) {
  return append(apply(document.createElement(tag), attrs), children);
}

/** An SVG element; text content goes through textContent like everywhere else. */
export function s(tag, attrs, ...children) {
  return append(apply(document.createElementNS(SVG_NS, tag), attrs), children);
}

export function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
  return el;
}

export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'];

export function severityBadge(severity) {
  return h('span', { class: `badge sev-${SEVERITIES.includes(severity) ? severity : 'info'}` }, severity);
}

/** "Kind/namespace/name" or "Kind/name" for a finding's resource. */
export function resourceName(resource) {
  if (!resource) return '';
  const parts = [resource.kind, resource.namespace, resource.name].filter((p) => p);
  return parts.join('/') + (resource.container ? ` [${resource.container}]` : '');
}

export function formatTime(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return String(iso);
  return d.toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC');
}

export function formatDuration(ms) {
  if (typeof ms !== 'number') return '';
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** A titled panel, the unit every view is made of. */
export function card(title, ...children) {
  return h('section', { class: 'card' }, title ? h('h2', {}, title) : null, ...children);
}

export function empty(message) {
  return h('p', { class: 'muted' }, message);
}

/** A code block with a copy button (remediation patches and kubectl commands). */
export function codeBlock(text, label) {
  const code = h('code', {}, text);
  const button = h('button', { class: 'copy', type: 'button', title: 'Copy to clipboard' }, 'Copy');
  button.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(text);
    } catch (e) {
      // The clipboard API needs a secure context; over plain http on another host, select the text
      // so that the user can copy it by hand.
      const range = document.createRange();
      range.selectNodeContents(code);
      const selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
    }
    button.textContent = 'Copied';
    setTimeout(() => (button.textContent = 'Copy'), 1500);
  });
  return h('div', { class: 'code' }, label ? h('div', { class: 'code-label' }, label) : null, button, h('pre', {}, code));
}
