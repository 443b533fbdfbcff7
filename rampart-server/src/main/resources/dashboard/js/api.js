// The REST client. A server bound beyond localhost requires a bearer token: on a 401 the page asks
// for it once, keeps it for the browser tab (sessionStorage, gone when the tab closes) and retries.
import { h } from './dom.js';

const TOKEN_KEY = 'rampart.token';
let pendingToken = null;

function askToken(rejected) {
  if (pendingToken) return pendingToken;
  pendingToken = new Promise((resolve) => {
    const input = h('input', { type: 'password', id: 'token-input', autocomplete: 'off', required: true });
    const form = h(
      'form',
      { class: 'token-form' },
      h('h2', {}, 'Access token'),
      h('p', {}, rejected ? 'The token was not accepted. ' : '', 'This server requires the token printed by ', h('code', {}, 'rampart serve'), ' at start.'),
      input,
      h('button', { type: 'submit' }, 'Sign in'),
    );
    const overlay = h('div', { class: 'overlay', id: 'token-dialog' }, form);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      sessionStorage.setItem(TOKEN_KEY, input.value.trim());
      overlay.remove();
      pendingToken = null;
      resolve();
    });
    document.body.append(overlay);
    input.focus();
  });
  return pendingToken;
}

export class HttpError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

export async function api(path, options = {}) {
  for (let attempt = 0; ; attempt++) {
    const token = sessionStorage.getItem(TOKEN_KEY);
    const headers = { Accept: 'application/json' };
    if (token) headers.Authorization = `Bearer ${token}`;
    if (options.body !== undefined) headers['Content-Type'] = 'application/json';
    const response = await fetch(`/api/v1${path}`, {
      method: options.method || 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    if (response.status === 401 && attempt < 5) {
      await askToken(Boolean(token));
      continue;
    }
    if (!response.ok) {
      let detail = '';
      try {
        const body = await response.json();
        detail = body.error || body.message || '';
      } catch (e) {
        // not JSON: the status alone tells
      }
      throw new HttpError(response.status, `${response.status} ${detail || response.statusText}`);
    }
    return response.status === 204 ? null : response.json();
  }
}

/** A query string from an object, leaving out empty values. */
export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  }
  const text = q.toString();
  return text ? `?${text}` : '';
}

/** Items of a list answer, whether the server wraps them ({items: [...]}) or not. */
export function items(body) {
  return Array.isArray(body) ? body : (body && body.items) || [];
}
